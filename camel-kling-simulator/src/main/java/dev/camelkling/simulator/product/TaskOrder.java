package dev.camelkling.simulator.product;

import dev.camelkling.simulator.media.ImageSpec;
import dev.camelkling.simulator.media.VideoSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * A validated create request, reduced to what the simulator needs to run the task: its model and
 * slot count for concurrency, the common fields to echo, the media to produce, and a failure the
 * task must end with (failure marker, broken masks, unreachable self-hosted input).
 */
public final class TaskOrder {
    /** {@code task_result.result_type} of an omni-image series. */
    public static final String RESULT_TYPE_SERIES = "series";

    /** {@code task_info.parent_video} of video-extend and lip-sync tasks: the source video. */
    public record ParentVideo(String id, String url, String duration) {
    }

    private final String modelName;
    private final int slots;
    private final String externalTaskId;
    private final String callbackUrl;
    private final Boolean watermarkEnabled;
    private final String plannedFailure;
    private final List<VideoSpec> videos;
    private final List<ImageSpec> images;
    private final String unitDeduction;
    private final String mode;
    private final ParentVideo parentVideo;
    private final String resultType;
    private final boolean soundTrack;
    private final List<String> extraOutputTypes;

    private TaskOrder(Builder b) {
        this.modelName = b.modelName;
        this.slots = b.slots;
        this.externalTaskId = b.externalTaskId;
        this.callbackUrl = b.callbackUrl;
        this.watermarkEnabled = b.watermarkEnabled;
        this.plannedFailure = b.plannedFailure;
        this.videos = List.copyOf(b.videos);
        this.images = List.copyOf(b.images);
        this.unitDeduction = b.unitDeduction;
        this.mode = b.mode;
        this.parentVideo = b.parentVideo;
        this.resultType = b.resultType;
        this.soundTrack = b.soundTrack;
        this.extraOutputTypes = List.copyOf(b.extraOutputTypes);
    }

    public static Builder builder(String modelName) {
        return new Builder(modelName);
    }

    public String modelName() {
        return modelName;
    }

    public int slots() {
        return slots;
    }

    public String externalTaskId() {
        return externalTaskId;
    }

    public String callbackUrl() {
        return callbackUrl;
    }

    public Boolean watermarkEnabled() {
        return watermarkEnabled;
    }

    public String plannedFailure() {
        return plannedFailure;
    }

    public List<VideoSpec> videos() {
        return videos;
    }

    public List<ImageSpec> images() {
        return images;
    }

    public String unitDeduction() {
        return unitDeduction;
    }

    /** {@code std}/{@code pro} for video tasks where it applies (extend inherits it), else {@code null}. */
    public String mode() {
        return mode;
    }

    /** The source video of an extend or lip-sync task, else {@code null}. */
    public ParentVideo parentVideo() {
        return parentVideo;
    }

    /** {@link #RESULT_TYPE_SERIES} for an omni-image series, else {@code null}. */
    public String resultType() {
        return resultType;
    }

    /** Whether each video comes with its sound track as a separate {@code audio} output (new design, {@code audio=native}). */
    public boolean soundTrack() {
        return soundTrack;
    }

    /** Output types added after the real results on the new design, as {@link OutputMarker} asks; empty normally. */
    public List<String> extraOutputTypes() {
        return extraOutputTypes;
    }

    public static final class Builder {
        private final String modelName;
        private int slots = 1;
        private String externalTaskId;
        private String callbackUrl;
        private Boolean watermarkEnabled;
        private String plannedFailure;
        private final List<VideoSpec> videos = new ArrayList<>();
        private final List<ImageSpec> images = new ArrayList<>();
        private String unitDeduction = "1";
        private String mode;
        private ParentVideo parentVideo;
        private String resultType;
        private boolean soundTrack;
        private final List<String> extraOutputTypes = new ArrayList<>();

        private Builder(String modelName) {
            this.modelName = modelName;
        }

        public Builder slots(int slots) {
            this.slots = slots;
            return this;
        }

        public Builder externalTaskId(String externalTaskId) {
            this.externalTaskId = externalTaskId;
            return this;
        }

        public Builder callbackUrl(String callbackUrl) {
            this.callbackUrl = callbackUrl;
            return this;
        }

        public Builder watermarkEnabled(Boolean watermarkEnabled) {
            this.watermarkEnabled = watermarkEnabled;
            return this;
        }

        /** Keeps the first planned failure: it is the one the real service would hit first. */
        public Builder plannedFailure(String message) {
            if (this.plannedFailure == null && message != null) {
                this.plannedFailure = message;
            }
            return this;
        }

        public Builder video(VideoSpec spec) {
            videos.add(spec);
            return this;
        }

        public Builder image(ImageSpec spec) {
            images.add(spec);
            return this;
        }

        public Builder unitDeduction(String unitDeduction) {
            this.unitDeduction = unitDeduction;
            return this;
        }

        public Builder mode(String mode) {
            this.mode = mode;
            return this;
        }

        public Builder parentVideo(ParentVideo parentVideo) {
            this.parentVideo = parentVideo;
            return this;
        }

        public Builder resultType(String resultType) {
            this.resultType = resultType;
            return this;
        }

        public Builder soundTrack(boolean soundTrack) {
            this.soundTrack = soundTrack;
            return this;
        }

        public Builder extraOutputTypes(List<String> types) {
            extraOutputTypes.addAll(types);
            return this;
        }

        public TaskOrder build() {
            return new TaskOrder(this);
        }
    }
}

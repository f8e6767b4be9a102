package dev.camelkling.simulator.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Result media by id. Registering a video or image is cheap; the bytes are rendered on the first
 * download and cached, and concurrent first downloads of one id share a single rendering. The cache
 * is bounded (least recently downloaded first out); an evicted item is simply rendered again.
 */
public final class MediaStore {
    public static final String VIDEO_PATH = "/media/videos/";
    public static final String IMAGE_PATH = "/media/images/";
    public static final String AUDIO_PATH = "/media/audio/";
    private static final Pattern OWN_IMAGE_PATH = Pattern.compile("^/media/images/([^/]+)\\.(png|jpg|jpeg)$");
    private static final Pattern OWN_VIDEO_PATH = Pattern.compile("^/media/videos/([^/]+)\\.mp4$");
    private static final Pattern OWN_AUDIO_PATH = Pattern.compile("^/media/audio/([^/]+\\.[A-Za-z0-9]+)$");
    public static final long DEFAULT_CACHE_BUDGET_BYTES = 128L * 1024 * 1024;
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    /** Bytes with their content type. */
    public record Media(byte[] bytes, String contentType) {
    }

    private final Supplier<String> baseUrl;
    private final Mp4VideoEncoder videoEncoder = new Mp4VideoEncoder();
    private final PngImageRenderer imageRenderer = new PngImageRenderer();
    private final Map<String, VideoSpec> videoSpecs = new ConcurrentHashMap<>();
    private final Map<String, ImageSpec> imageSpecs = new ConcurrentHashMap<>();
    private final Map<String, Media> hostedImages = new ConcurrentHashMap<>();
    private final Map<String, Media> hostedAudio = new ConcurrentHashMap<>();
    private final Map<String, Integer> soundTracks = new ConcurrentHashMap<>();
    private final Map<String, GeneratedVideo> generatedVideos = new ConcurrentHashMap<>();
    private final Map<String, FutureTask<byte[]>> rendered = new ConcurrentHashMap<>();
    private final LinkedHashMap<String, Integer> renderedSizes = new LinkedHashMap<>(16, 0.75f, true);
    private final long cacheBudgetBytes;
    private long renderedBytes;
    private final AtomicInteger videoEncodes = new AtomicInteger();
    private final AtomicInteger renders = new AtomicInteger();

    public MediaStore(Supplier<String> baseUrl) {
        this(baseUrl, DEFAULT_CACHE_BUDGET_BYTES);
    }

    public MediaStore(Supplier<String> baseUrl, long cacheBudgetBytes) {
        this.baseUrl = baseUrl;
        this.cacheBudgetBytes = cacheBudgetBytes;
    }

    public String registerVideo(VideoSpec spec) {
        String id = UUID.randomUUID().toString();
        videoSpecs.put(id, spec);
        return id;
    }

    /**
     * Registers a task's result video together with its origin, so that it can later be found by id or
     * URL (video-extend, identify-face, motion control).
     */
    public GeneratedVideo registerGeneratedVideo(VideoSpec spec, String product, String accountId, String modelName,
                                                 String mode, long createdAt) {
        String id = registerVideo(spec);
        GeneratedVideo video = new GeneratedVideo(id, videoUrl(id), spec, product, accountId, modelName, mode, createdAt);
        generatedVideos.put(id, video);
        return video;
    }

    public Optional<GeneratedVideo> generatedVideo(String videoId) {
        return videoId == null ? Optional.empty() : Optional.ofNullable(generatedVideos.get(videoId));
    }

    /** The generated video behind a URL of this simulator's own video path; empty for any other URL. */
    public Optional<GeneratedVideo> ownVideo(String url) {
        return ownId(url, OWN_VIDEO_PATH).flatMap(this::generatedVideo);
    }

    /** Serves caller-supplied audio bytes (mp3, wav, m4a), e.g. so tests can pass {@code sound_file} by URL. */
    public String hostAudio(byte[] bytes, String extension, String contentType) {
        String id = UUID.randomUUID().toString();
        hostedAudio.put(id, new Media(bytes.clone(), contentType));
        return baseUrl.get() + AUDIO_PATH + id + "." + extension;
    }

    /** A generated sound track of {@code seconds}, served both as {@link #soundTrackUrl MP3 and WAV}; returns its id. */
    public String registerSoundTrack(int seconds) {
        String id = UUID.randomUUID().toString();
        soundTracks.put(id, seconds);
        return id;
    }

    /** The URL of a sound track in a format: {@code mp3} or {@code wav}. */
    public String soundTrackUrl(String id, String extension) {
        return baseUrl.get() + AUDIO_PATH + id + "." + extension;
    }

    /**
     * The audio behind a file name of the audio path ({@code id.ext}): hosted bytes by their id, or a sound track as
     * {@code .mp3} or {@code .wav}, rendered on first download like videos.
     */
    public Optional<Media> audio(String file) {
        int dot = file.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String id = file.substring(0, dot);
        Media hosted = hostedAudio.get(id);
        if (hosted != null) {
            return Optional.of(hosted);
        }
        Integer seconds = soundTracks.get(id);
        if (seconds == null) {
            return Optional.empty();
        }
        return switch (file.substring(dot + 1)) {
            case "mp3" -> Optional.of(new Media(renderOnce("mp3:" + id, () -> AudioEncoder.mp3(seconds)), "audio/mpeg"));
            case "wav" -> Optional.of(new Media(renderOnce("wav:" + id, () -> AudioEncoder.wav(seconds)), "audio/wav"));
            default -> Optional.empty();
        };
    }

    /** The bytes behind a URL of this simulator's own audio path; empty for any other URL or an unknown id. */
    public Optional<byte[]> ownAudio(String url) {
        return ownId(url, OWN_AUDIO_PATH).flatMap(this::audio).map(Media::bytes);
    }

    private Optional<String> ownId(String url, Pattern path) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!isOwn(uri)) {
            return Optional.empty();
        }
        Matcher m = path.matcher(uri.getRawPath() == null ? "" : uri.getRawPath());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public String registerImage(ImageSpec spec) {
        String id = UUID.randomUUID().toString();
        imageSpecs.put(id, spec);
        return id;
    }

    /** Serves caller-supplied image bytes, e.g. so tests can pass an image by URL. */
    public String hostImage(byte[] bytes, String contentType) {
        String id = UUID.randomUUID().toString();
        hostedImages.put(id, new Media(bytes.clone(), contentType));
        return imageUrl(id, contentType.contains("jpeg") ? "jpg" : "png");
    }

    public String videoUrl(String videoId) {
        return baseUrl.get() + VIDEO_PATH + videoId + ".mp4";
    }

    public String imageUrl(String imageId) {
        return imageUrl(imageId, "png");
    }

    private String imageUrl(String imageId, String extension) {
        return baseUrl.get() + IMAGE_PATH + imageId + "." + extension;
    }

    public Optional<VideoSpec> videoSpec(String videoId) {
        return Optional.ofNullable(videoSpecs.get(videoId));
    }

    public Optional<byte[]> video(String videoId) {
        VideoSpec spec = videoSpecs.get(videoId);
        if (spec == null) {
            return Optional.empty();
        }
        return Optional.of(renderOnce("video:" + videoId, () -> {
            videoEncodes.incrementAndGet();
            return videoEncoder.encode(spec);
        }));
    }

    public Optional<Media> image(String imageId) {
        Media hosted = hostedImages.get(imageId);
        if (hosted != null) {
            return Optional.of(hosted);
        }
        ImageSpec spec = imageSpecs.get(imageId);
        if (spec == null) {
            return Optional.empty();
        }
        return Optional.of(new Media(renderOnce("image:" + imageId, () -> imageRenderer.render(spec)), "image/png"));
    }

    /** Whether the id is a rendered task result image (not a hosted input, not an identify-face preview). */
    public boolean isResultImage(String imageId) {
        ImageSpec spec = imageSpecs.get(imageId);
        return spec != null && !ImageSpec.FACE_PREVIEW.equals(spec.product()) && !hostedImages.containsKey(imageId);
    }

    /**
     * The bytes behind a URL when it points at this simulator's own image path; empty for any other URL
     * or an unknown id.
     */
    public Optional<byte[]> ownImage(String url) {
        return ownId(url, OWN_IMAGE_PATH).flatMap(this::image).map(Media::bytes);
    }

    /** Whether a URL addresses this simulator (loopback host, same port). */
    public boolean isOwn(URI uri) {
        URI base = URI.create(baseUrl.get());
        return uri.getHost() != null && LOOPBACK_HOSTS.contains(uri.getHost())
                && uri.getPort() == base.getPort();
    }

    public int videoEncodeCount() {
        return videoEncodes.get();
    }

    /** How many renderings (videos and images) ran, including re-renderings after eviction. */
    public int renderCount() {
        return renders.get();
    }

    public void clear() {
        videoSpecs.clear();
        imageSpecs.clear();
        hostedImages.clear();
        hostedAudio.clear();
        soundTracks.clear();
        generatedVideos.clear();
        synchronized (renderedSizes) {
            rendered.clear();
            renderedSizes.clear();
            renderedBytes = 0;
        }
    }

    private interface Renderer {
        byte[] render() throws IOException;
    }

    private byte[] renderOnce(String key, Renderer renderer) {
        FutureTask<byte[]> created = new FutureTask<>(() -> {
            renders.incrementAndGet();
            return renderer.render();
        });
        FutureTask<byte[]> existing = rendered.putIfAbsent(key, created);
        FutureTask<byte[]> task = existing == null ? created : existing;
        if (existing == null) {
            created.run();
        }
        try {
            byte[] bytes = task.get();
            keepWithinBudget(key, task, bytes.length);
            return bytes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering media " + key, e);
        } catch (ExecutionException e) {
            // Forget the failure so a later download can try again.
            rendered.remove(key, task);
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException("rendering media " + key + " failed", cause);
        }
    }

    /** Marks {@code key} as most recently used and evicts the least recently used others beyond the budget. */
    private void keepWithinBudget(String key, FutureTask<byte[]> task, int size) {
        synchronized (renderedSizes) {
            if (rendered.get(key) != task) {
                return; // cleared meanwhile
            }
            if (renderedSizes.put(key, size) == null) {
                renderedBytes += size;
            }
            Iterator<Map.Entry<String, Integer>> oldestFirst = renderedSizes.entrySet().iterator();
            while (renderedBytes > cacheBudgetBytes && oldestFirst.hasNext()) {
                Map.Entry<String, Integer> entry = oldestFirst.next();
                if (!entry.getKey().equals(key)) {
                    rendered.remove(entry.getKey());
                    renderedBytes -= entry.getValue();
                    oldestFirst.remove();
                }
            }
        }
    }
}

package dev.camelkling.component;

import java.util.List;

import dev.camelkling.client.KlingClient;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Options shared by every kling endpoint. The component holds one instance as defaults; each endpoint gets a copy
 * that its URI options override.
 * <p>
 * Request-field options are named after the Kling field in lowerCamelCase (negative_prompt is negativePrompt) so the
 * producer can look them up by the field name alone; see {@link KlingRequestAssembler}.
 */
@UriParams
public class KlingConfiguration implements Cloneable {

    // ---- connection ----
    @UriParam(label = "common", defaultValue = "https://api-singapore.klingai.com",
              description = "Base URL of the Kling API: a regional host, or a simulator such as http://127.0.0.1:8080.")
    private String baseUrl = "https://api-singapore.klingai.com";
    @UriParam(label = "security", secret = true,
              description = "Kling access key, signed into a short-lived JWT with the secret key. Falls back to the"
                            + " environment variable KLING_ACCESS_KEY when no credentials are configured.")
    private String accessKey;
    @UriParam(label = "security", secret = true,
              description = "Kling secret key, used to sign the JWT (HS256). Falls back to KLING_SECRET_KEY.")
    private String secretKey;
    @UriParam(label = "security", secret = true,
              description = "A static Kling API key, sent as a Bearer token instead of a JWT. Falls back to KLING_API_KEY."
                            + " Takes precedence over accessKey/secretKey when both are set.")
    private String apiKey;
    @UriParam(label = "security",
              description = "TLS configuration (trust store, protocols) for HTTPS connections to the Kling API.")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "advanced", defaultValue = "10s", javaType = "java.time.Duration",
              description = "Timeout for opening a connection.")
    private long connectTimeout = 10_000;
    @UriParam(label = "advanced", defaultValue = "60s", javaType = "java.time.Duration",
              description = "Timeout for one HTTP request to answer. A create that times out is never sent again blindly.")
    private long requestTimeout = 60_000;
    @UriParam(label = "producer", defaultValue = "0",
              description = "At most this many of our tasks unfinished at once on the account (your resource pack's"
                            + " concurrency): further creates wait, holding no thread, until one of our tasks is seen"
                            + " final, then go out in order; a 1303 that still comes back is re-sent with backoff (nothing"
                            + " was created). An image task counts n. 0 = no client-side limit.")
    private int maxConcurrentTasks;
    @UriParam(label = "advanced", defaultValue = "3",
              description = "How many times a read (get, list) is attempted in all when Kling answers with a retryable error.")
    private int maxReadAttempts = 3;

    // ---- producer control ----
    @UriParam(label = "producer", defaultValue = "create",
              description = "The operation to perform; header CamelKlingOperation overrides it.")
    private KlingOperation operation = KlingOperation.create;
    @UriParam(label = "producer", defaultValue = "false",
              description = "Complete the exchange only when the task has finished (succeed or failed), re-polling on a"
                            + " shared scheduler without holding a thread. A failed task raises KlingTaskFailedException.")
    private boolean waitForCompletion;
    @UriParam(label = "producer", defaultValue = "2s", javaType = "java.time.Duration",
              description = "With waitForCompletion: the first read of the task comes this long after its create; later"
                            + " delays grow by half up to maxPollInterval until the client has seen tasks of the same"
                            + " feature, model, mode and duration finish (then see detectionTarget).")
    private long pollInterval = 2_000;
    @UriParam(label = "producer", defaultValue = "15s", javaType = "java.time.Duration",
              description = "With waitForCompletion: the longest delay between two reads of the task.")
    private long maxPollInterval = 15_000;
    @UriParam(label = "producer", defaultValue = "1500ms", javaType = "java.time.Duration",
              description = "With waitForCompletion, once the client has seen tasks like this one (same feature, model,"
                            + " mode and duration) finish: the task is read this often between the shortest and the"
                            + " longest duration seen, so its end is noticed at most about this late; before that it is"
                            + " read sparsely. Waits of one account and feature share their reads (one list page answers"
                            + " for many), so a short target costs little with many waits.")
    private long detectionTarget = 1_500;
    @UriParam(label = "producer", defaultValue = "1m", javaType = "java.time.Duration",
              description = "With waitForCompletion, for a task created with a callback_url while the producer has no"
                            + " callbackUrl option of its own (so the URL is the one of a callback consumer of this"
                            + " application, or one given per exchange) or names its callbackReceiver, and only while"
                            + " verified callbacks of the feature's tasks are seen to reach this application (the last"
                            + " within 10 minutes, or twice the longest task duration seen): the wait reads nothing"
                            + " until this long past the task's expected end (the longest duration seen for tasks like"
                            + " it; its create while none is known) and lets the verified callback complete it with a"
                            + " single confirming read; a callback that does not come within it leaves the task to"
                            + " polling. Without such callbacks (a callbackBaseUrl Kling cannot reach) waits are read on"
                            + " their normal schedule. 0: such tasks are always polled, and their callback only makes"
                            + " the end noticed at once.")
    private long callbackGracePeriod = 60_000;
    @UriParam(label = "producer", defaultValue = "0", javaType = "java.time.Duration",
              description = "With waitForCompletion: how long to wait for the task to finish before failing the exchange"
                            + " with KlingWaitTimeoutException (the task itself keeps running at Kling). 0 means the"
                            + " feature's default: 30 minutes for videos, 10 minutes for images.")
    private long waitTimeout;
    @UriParam(label = "producer", defaultValue = "false",
              description = "With waitForCompletion: replace the body with the result's media as a file (a temporary"
                            + " one, deleted once no message in flight carries it any more, unless downloadDirectory is set), e.g. to write"
                            + " it with the file component; never the whole video on the heap. The task stays available"
                            + " in the headers.")
    private boolean download;
    @UriParam(label = "producer", defaultValue = "0",
              description = "With download: which result to download, counting from 0 (image features make up to 9).")
    private int resultIndex;
    @UriParam(label = "producer", defaultValue = "false",
              description = "With download: download every result; the body becomes a List of files in result order.")
    private boolean downloadAll;
    @UriParam(label = "producer",
              description = "With download: write the media into this directory as (task id)-(index).(ext) and keep"
                            + " them; without it they go to temporary files deleted once no message in flight carries them.")
    private String downloadDirectory;
    @UriParam(label = "common", defaultValue = "30",
              description = "Page size for operation list and for the consumer's reads of the list endpoint (1-500).")
    private int pageSize = 30;

    // ---- request fields (operation create) ----
    @UriParam(label = "producer", description = "Kling model_name, e.g. kling-v3, kling-v2-6, kling-v1-6 (video), kling-v3, kling-image-o1, kling-v3-omni"
                                                    + " (image). A name camel-kling does not know is sent as it is and Kling decides;"
                                                    + " without it Kling's default for the feature applies. A model of the new design"
                                                    + " (kling-3.0, kling-3.0-turbo, kling-3.0-omni, kling-o1, kling-2.6, kling-2.5-turbo)"
                                                    + " sends the request on the new design, which needs an apiKey.")
    private String modelName;
    @UriParam(label = "producer",
              description = "The prompt (1-2500 characters) when the body does not carry it. For text features the body"
                            + " String is the prompt.")
    private String prompt;
    @UriParam(label = "producer", description = "What to keep out of the result (up to 2500 characters).")
    private String negativePrompt;
    @UriParam(label = "producer", description = "Prompt adherence, from 0 to 1. Not supported by kling-v2.x models.")
    private Double cfgScale;
    @UriParam(label = "producer", enums = "std,pro,4k",
              description = "Generation mode: std or pro (higher quality, more cost); 4k with kling-v3 on text2video and image2video.")
    private String mode;
    @UriParam(label = "producer", enums = "16:9,9:16,1:1,4:3,3:4,3:2,2:3,21:9,auto",
              description = "Aspect ratio of the result. Videos take 16:9, 9:16 or 1:1; images also 4:3, 3:4, 3:2, 2:3 and"
                            + " 21:9; omniImage also auto.")
    private String aspectRatio;
    @UriParam(label = "producer",
              description = "Video length in seconds: 5 or 10 on the legacy design; on the new design what the model takes"
                            + " (3 to 15 for the 3.0 family, 3 to 10 for kling-o1, 5 or 10 for kling-2.6 and kling-2.5-turbo).")
    private Integer duration;
    @UriParam(label = "producer", enums = "on,off", description = "Generate sound with the video (kling-v2-6 and later).")
    private String sound;
    @UriParam(label = "producer",
              description = "Camera movement: a type (simple, down_back, forward_up, right_turn_forward, left_turn_forward);"
                            + " simple takes exactly one non-zero axis from -10 to 10, written as simple:zoom=5.")
    private String cameraControl;
    @UriParam(label = "producer",
              description = "image2video start frame as a URL or raw Base64, when the body does not carry the image.")
    private String image;
    @UriParam(label = "producer", description = "image2video end frame as a URL or raw Base64.")
    private String imageTail;
    @UriParam(label = "producer", description = "image2video motion brush: the area that stays still, as a URL or raw Base64.")
    private String staticMask;
    @UriParam(label = "producer",
              description = "Voice ids (comma-separated, at most 2), referenced in the prompt as voice_1 and voice_2 between triple angle"
                            + " brackets; needs sound=on.")
    private String voiceList;
    @UriParam(label = "producer", description = "Also produce a watermarked result (Kling watermark_info.enabled).")
    private Boolean watermarkInfo;
    // ---- lipSync ----
    @UriParam(label = "producer", enums = "identify,create,auto", defaultValue = "auto",
              description = "lipSync only: identify (find the faces of the video, no task), create (the lip-sync task for"
                            + " a session and face), or auto (both in one exchange, the audio from the body). Header"
                            + " CamelKlingStep overrides it.")
    private LipSyncStep step = LipSyncStep.auto;
    @UriParam(label = "producer", defaultValue = "0",
              description = "lipSync step=auto: which identified face to drive, counting from 0.")
    private int faceIndex;
    @UriParam(label = "producer",
              description = "The video as a URL: lipSync identify (.mp4/.mov, 2-60 s) or motionControl's motion video.")
    private String videoUrl;
    @UriParam(label = "producer",
              description = "Id of a video Kling generated: the source of videoExtend, or lipSync's video. Header"
                            + " CamelKlingVideoId (set on every video result) overrides it, so routes can chain.")
    private String videoId;
    @UriParam(label = "producer", description = "lipSync step=create: the session from identify (valid 24 h).")
    private String sessionId;
    @UriParam(label = "producer", description = "lipSync step=create: the face of that session to drive.")
    private String faceId;
    @UriParam(label = "producer", description = "lipSync: id of audio made by Kling text-to-speech, instead of a sound file.")
    private String audioId;
    @UriParam(label = "producer",
              description = "lipSync: the audio as a URL or raw Base64 (mp3, wav, m4a; 2-60 s; at most 5 MB) when the body"
                            + " does not carry it.")
    private String soundFile;
    @UriParam(label = "producer", description = "lipSync: start of the audio crop in ms (default 0).")
    private Long soundStartTime;
    @UriParam(label = "producer",
              description = "lipSync: end of the audio crop in ms; defaults to the audio's length when it can be read (WAV).")
    private Long soundEndTime;
    @UriParam(label = "producer",
              description = "lipSync: where in the video the cropped audio starts, in ms; defaults to the face's start.")
    private Long soundInsertTime;
    @UriParam(label = "producer", description = "lipSync: volume of the new audio, from 0 to 2 (default 1).")
    private Double soundVolume;
    @UriParam(label = "producer", description = "lipSync: volume of the video's own audio, from 0 to 2 (default 1).")
    private Double originalAudioVolume;

    // ---- motionControl ----
    @UriParam(label = "producer",
              description = "motionControl: the character image as a URL or raw Base64, when the body does not carry it.")
    private String imageUrl;
    @UriParam(label = "producer", enums = "image,video",
              description = "motionControl: follow the image's orientation (motion video up to 10 s) or the video's (up to 30 s).")
    private String characterOrientation;
    @UriParam(label = "producer", enums = "yes,no", description = "motionControl: keep the motion video's sound.")
    private String keepOriginalSound;
    @UriParam(label = "producer",
              description = "Element-library subject ids (64-bit numbers, comma-separated): omniImage, or motionControl with kling-v3.")
    private String elementList;

    // ---- the new design's video settings (text2video, image2video, omniVideo, motionControl) ----
    @UriParam(label = "producer", enums = "off,native,original",
              description = "New design: the video's audio, as the model takes it: native (generated with the video;"
                            + " kling-3.0, kling-2.6, kling-3.0-omni), original (omniVideo's and motionControl's source"
                            + " sound) or off.")
    private String audio;
    @UriParam(label = "producer",
              description = "New design, kling-3.0 and kling-3.0-omni: read the prompt as shots (shot 1, 4, words; ...).")
    private Boolean multiShot;
    @UriParam(label = "producer",
              description = "omniVideo: reference images as URLs (comma-separated), referred to in the prompt as"
                            + " <<<image_1>>>, ...; header CamelKlingReferenceImages also takes bytes, files and streams.")
    private List<String> referenceImages;
    @UriParam(label = "producer",
              description = "omniVideo: a video (.mp4/.mov URL) whose style, camera or subject the result follows.")
    private String referenceVideo;
    @UriParam(label = "producer", description = "omniVideo: a video (.mp4/.mov URL) to edit.")
    private String baseVideo;

    // ---- videoExtend ----
    @UriParam(label = "producer",
              description = "videoExtend: extend again and again (one task per step, about 5 s each) until the video is at"
                            + " least this many seconds long; implies waiting. Header CamelKlingTaskIds lists every step's task.")
    private Integer targetDuration;

    // ---- imageGeneration, omniImage ----
    @UriParam(label = "producer", enums = "subject,face",
              description = "imageGeneration with an image: keep the subject's features or the face's likeness"
                            + " (required for kling-v1-5).")
    private String imageReference;
    @UriParam(label = "producer", description = "imageGeneration: how strongly to follow the reference image, from 0 to 1.")
    private Double imageFidelity;
    @UriParam(label = "producer", description = "imageGeneration with imageReference=subject: facial similarity, from 0 to 1.")
    private Double humanFidelity;
    @UriParam(label = "producer", enums = "1k,2k,4k,720p,1080p",
              description = "Image resolution: 1k or 2k (omniImage with kling-v3-omni also 4k). Video resolution on the new"
                            + " design: 720p or 1080p, with kling-3.0 and kling-3.0-omni also 4k.")
    private String resolution;
    @UriParam(label = "producer", description = "Number of images to make, 1 to 9; an image task takes n concurrency slots.")
    private Integer n;
    @UriParam(label = "producer", enums = "single,series", description = "omniImage: one image per result, or a coherent series.")
    private String resultType;
    @UriParam(label = "producer", description = "omniImage with resultType=series: 2 to 9 images, or auto.")
    private String seriesAmount;

    @UriParam(label = "producer", defaultValue = "true",
              description = "Give every create an external_task_id when none is set, so an ambiguous failure (timeout,"
                            + " reset, 5xx) can be reconciled by looking the task up instead of paying for a second one:"
                            + " the value of externalTaskIdExpression, or camel-(exchange id)-(feature)-(number of the"
                            + " exchange's create), which stays the same when Camel's error handler redelivers the step.")
    private boolean deriveExternalTaskId = true;
    @UriParam(label = "producer",
              description = "A Simple expression whose value becomes the external_task_id when none is given, e.g."
                            + " order-${header.orderId} or ${header.kafka.KEY}: a key that stays the same when the same"
                            + " input arrives again (after a restart, a replay) makes the create happen only once.")
    private String externalTaskIdExpression;
    @UriParam(label = "producer,advanced", defaultValue = "3",
              description = "How many times a create with an external id is sent in all, each only after Kling confirmed"
                            + " (by a lookup of that id) that the previous ambiguous attempt created nothing.")
    private int maxCreateAttempts = 3;
    @UriParam(label = "producer",
              description = "Your own unique id for the task, echoed back and usable for lookups; header"
                            + " CamelKlingExternalTaskId overrides it.")
    private String externalTaskId;
    @UriParam(label = "producer", description = "URL Kling POSTs the task to on every status change.")
    private String callbackUrl;
    @UriParam(label = "producer",
              description = "The route id of the kling callback consumer (consumerMode=callback, same feature and Kling"
                            + " account) that receives this producer's callbacks: without callbackUrl the producer sends"
                            + " that consumer's public URL (needed when several callback consumers of the feature exist);"
                            + " with a callbackUrl of its own (e.g. a proxy in front of that consumer) it says those"
                            + " callbacks reach it, so callbackGracePeriod applies to its waits.")
    private String callbackReceiver;

    // ---- callbacks: usually set once, on the component ----
    @UriParam(label = "common",
              description = "The application's public base URL as Kling reaches it, e.g. https://app.example.com. A"
                            + " producer that has no callbackUrl, in a CamelContext with a callback consumer for the same"
                            + " feature and Kling account, sends callbackBaseUrl followed by that consumer's path as"
                            + " callback_url; set it once on the component, or on the producer or the callback consumer.")
    private String callbackBaseUrl;
    @UriParam(label = "security", secret = true,
              description = "With consumerMode=callback: the webhook secret (whsec_...) from the Kling console. Every"
                            + " callback must then carry a valid Standard Webhooks signature over its exact bytes, made"
                            + " within 5 minutes; others are answered 401 and ignored.")
    private String webhookSecret;

    @UriParam(label = "advanced",
              description = "A KlingClient of your own (for example from the registry, autowired when it is the only one)"
                            + " instead of the one the component builds from the connection options: the endpoint uses it"
                            + " as it is and never closes it.")
    @Metadata(autowired = true)
    private KlingClient klingClient;

    public KlingConfiguration copy() {
        try {
            return (KlingConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    // toString is deliberately Object's: this class holds credentials.

    public String getBaseUrl() { return baseUrl; }
    public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
    public String getAccessKey() { return accessKey; }
    public void setAccessKey(String accessKey) { this.accessKey = accessKey; }
    public String getSecretKey() { return secretKey; }
    public void setSecretKey(String secretKey) { this.secretKey = secretKey; }
    public String getApiKey() { return apiKey; }
    public void setApiKey(String apiKey) { this.apiKey = apiKey; }
    public SSLContextParameters getSslContextParameters() { return sslContextParameters; }
    public void setSslContextParameters(SSLContextParameters sslContextParameters) { this.sslContextParameters = sslContextParameters; }
    public long getConnectTimeout() { return connectTimeout; }
    public void setConnectTimeout(long connectTimeout) { this.connectTimeout = connectTimeout; }
    public long getRequestTimeout() { return requestTimeout; }
    public void setRequestTimeout(long requestTimeout) { this.requestTimeout = requestTimeout; }
    public int getMaxConcurrentTasks() { return maxConcurrentTasks; }
    public void setMaxConcurrentTasks(int maxConcurrentTasks) { this.maxConcurrentTasks = maxConcurrentTasks; }
    public int getMaxReadAttempts() { return maxReadAttempts; }
    public void setMaxReadAttempts(int maxReadAttempts) { this.maxReadAttempts = maxReadAttempts; }
    public KlingOperation getOperation() { return operation; }
    public void setOperation(KlingOperation operation) { this.operation = operation; }
    public boolean isWaitForCompletion() { return waitForCompletion; }
    public void setWaitForCompletion(boolean waitForCompletion) { this.waitForCompletion = waitForCompletion; }
    public long getPollInterval() { return pollInterval; }
    public void setPollInterval(long pollInterval) { this.pollInterval = pollInterval; }
    public long getMaxPollInterval() { return maxPollInterval; }
    public long getDetectionTarget() { return detectionTarget; }
    public void setDetectionTarget(long detectionTarget) { this.detectionTarget = detectionTarget; }
    public long getCallbackGracePeriod() { return callbackGracePeriod; }
    public void setCallbackGracePeriod(long callbackGracePeriod) { this.callbackGracePeriod = callbackGracePeriod; }
    public void setMaxPollInterval(long maxPollInterval) { this.maxPollInterval = maxPollInterval; }
    public long getWaitTimeout() { return waitTimeout; }
    public void setWaitTimeout(long waitTimeout) { this.waitTimeout = waitTimeout; }
    public int getResultIndex() { return resultIndex; }
    public void setResultIndex(int resultIndex) { this.resultIndex = resultIndex; }
    public boolean isDownloadAll() { return downloadAll; }
    public void setDownloadAll(boolean downloadAll) { this.downloadAll = downloadAll; }
    public String getDownloadDirectory() { return downloadDirectory; }
    public void setDownloadDirectory(String downloadDirectory) { this.downloadDirectory = downloadDirectory; }
    public boolean isDownload() { return download; }
    public void setDownload(boolean download) { this.download = download; }
    public int getPageSize() { return pageSize; }
    public void setPageSize(int pageSize) { this.pageSize = pageSize; }
    public String getModelName() { return modelName; }
    public void setModelName(String modelName) { this.modelName = modelName; }
    public String getPrompt() { return prompt; }
    public void setPrompt(String prompt) { this.prompt = prompt; }
    public String getNegativePrompt() { return negativePrompt; }
    public void setNegativePrompt(String negativePrompt) { this.negativePrompt = negativePrompt; }
    public Double getCfgScale() { return cfgScale; }
    public void setCfgScale(Double cfgScale) { this.cfgScale = cfgScale; }
    public String getMode() { return mode; }
    public void setMode(String mode) { this.mode = mode; }
    public String getAspectRatio() { return aspectRatio; }
    public void setAspectRatio(String aspectRatio) { this.aspectRatio = aspectRatio; }
    public Integer getDuration() { return duration; }
    public void setDuration(Integer duration) { this.duration = duration; }
    public String getSound() { return sound; }
    public void setSound(String sound) { this.sound = sound; }
    public String getCameraControl() { return cameraControl; }
    public void setCameraControl(String cameraControl) { this.cameraControl = cameraControl; }
    public String getImage() { return image; }
    public void setImage(String image) { this.image = image; }
    public String getImageTail() { return imageTail; }
    public void setImageTail(String imageTail) { this.imageTail = imageTail; }
    public String getStaticMask() { return staticMask; }
    public void setStaticMask(String staticMask) { this.staticMask = staticMask; }
    public String getVoiceList() { return voiceList; }
    public void setVoiceList(String voiceList) { this.voiceList = voiceList; }
    public Boolean getWatermarkInfo() { return watermarkInfo; }
    public void setWatermarkInfo(Boolean watermarkInfo) { this.watermarkInfo = watermarkInfo; }
    public boolean isDeriveExternalTaskId() { return deriveExternalTaskId; }
    public void setDeriveExternalTaskId(boolean deriveExternalTaskId) { this.deriveExternalTaskId = deriveExternalTaskId; }
    public String getExternalTaskIdExpression() { return externalTaskIdExpression; }
    public void setExternalTaskIdExpression(String externalTaskIdExpression) { this.externalTaskIdExpression = externalTaskIdExpression; }
    public int getMaxCreateAttempts() { return maxCreateAttempts; }
    public void setMaxCreateAttempts(int maxCreateAttempts) { this.maxCreateAttempts = maxCreateAttempts; }
    public String getExternalTaskId() { return externalTaskId; }
    public void setExternalTaskId(String externalTaskId) { this.externalTaskId = externalTaskId; }
    public String getCallbackUrl() { return callbackUrl; }
    public void setCallbackUrl(String callbackUrl) { this.callbackUrl = callbackUrl; }
    public String getCallbackReceiver() { return callbackReceiver; }
    public void setCallbackReceiver(String callbackReceiver) { this.callbackReceiver = callbackReceiver; }

    public LipSyncStep getStep() { return step; }
    public void setStep(LipSyncStep step) { this.step = step; }
    public int getFaceIndex() { return faceIndex; }
    public void setFaceIndex(int faceIndex) { this.faceIndex = faceIndex; }
    public String getVideoUrl() { return videoUrl; }
    public void setVideoUrl(String videoUrl) { this.videoUrl = videoUrl; }
    public String getVideoId() { return videoId; }
    public void setVideoId(String videoId) { this.videoId = videoId; }
    public String getSessionId() { return sessionId; }
    public void setSessionId(String sessionId) { this.sessionId = sessionId; }
    public String getFaceId() { return faceId; }
    public void setFaceId(String faceId) { this.faceId = faceId; }
    public String getAudioId() { return audioId; }
    public void setAudioId(String audioId) { this.audioId = audioId; }
    public String getSoundFile() { return soundFile; }
    public void setSoundFile(String soundFile) { this.soundFile = soundFile; }
    public Long getSoundStartTime() { return soundStartTime; }
    public void setSoundStartTime(Long soundStartTime) { this.soundStartTime = soundStartTime; }
    public Long getSoundEndTime() { return soundEndTime; }
    public void setSoundEndTime(Long soundEndTime) { this.soundEndTime = soundEndTime; }
    public Long getSoundInsertTime() { return soundInsertTime; }
    public void setSoundInsertTime(Long soundInsertTime) { this.soundInsertTime = soundInsertTime; }
    public Double getSoundVolume() { return soundVolume; }
    public void setSoundVolume(Double soundVolume) { this.soundVolume = soundVolume; }
    public Double getOriginalAudioVolume() { return originalAudioVolume; }
    public void setOriginalAudioVolume(Double originalAudioVolume) { this.originalAudioVolume = originalAudioVolume; }
    public String getImageUrl() { return imageUrl; }
    public void setImageUrl(String imageUrl) { this.imageUrl = imageUrl; }
    public String getCharacterOrientation() { return characterOrientation; }
    public void setCharacterOrientation(String characterOrientation) { this.characterOrientation = characterOrientation; }
    public String getKeepOriginalSound() { return keepOriginalSound; }
    public void setKeepOriginalSound(String keepOriginalSound) { this.keepOriginalSound = keepOriginalSound; }
    public String getElementList() { return elementList; }
    public void setElementList(String elementList) { this.elementList = elementList; }
    public String getAudio() { return audio; }
    public void setAudio(String audio) { this.audio = audio; }
    public Boolean getMultiShot() { return multiShot; }
    public void setMultiShot(Boolean multiShot) { this.multiShot = multiShot; }
    public List<String> getReferenceImages() { return referenceImages; }
    public void setReferenceImages(List<String> referenceImages) { this.referenceImages = referenceImages; }
    public String getReferenceVideo() { return referenceVideo; }
    public void setReferenceVideo(String referenceVideo) { this.referenceVideo = referenceVideo; }
    public String getBaseVideo() { return baseVideo; }
    public void setBaseVideo(String baseVideo) { this.baseVideo = baseVideo; }
    public Integer getTargetDuration() { return targetDuration; }
    public void setTargetDuration(Integer targetDuration) { this.targetDuration = targetDuration; }
    public String getImageReference() { return imageReference; }
    public void setImageReference(String imageReference) { this.imageReference = imageReference; }
    public Double getImageFidelity() { return imageFidelity; }
    public void setImageFidelity(Double imageFidelity) { this.imageFidelity = imageFidelity; }
    public Double getHumanFidelity() { return humanFidelity; }
    public void setHumanFidelity(Double humanFidelity) { this.humanFidelity = humanFidelity; }
    public String getResolution() { return resolution; }
    public void setResolution(String resolution) { this.resolution = resolution; }
    public Integer getN() { return n; }
    public void setN(Integer n) { this.n = n; }
    public String getResultType() { return resultType; }
    public void setResultType(String resultType) { this.resultType = resultType; }
    public String getSeriesAmount() { return seriesAmount; }
    public void setSeriesAmount(String seriesAmount) { this.seriesAmount = seriesAmount; }
    public String getCallbackBaseUrl() { return callbackBaseUrl; }
    public void setCallbackBaseUrl(String callbackBaseUrl) { this.callbackBaseUrl = callbackBaseUrl; }
    public String getWebhookSecret() { return webhookSecret; }
    public void setWebhookSecret(String webhookSecret) { this.webhookSecret = webhookSecret; }
    public KlingClient getKlingClient() { return klingClient; }
    public void setKlingClient(KlingClient klingClient) { this.klingClient = klingClient; }
}

package dev.camelkling.component;

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
              description = "With waitForCompletion: the first delay before re-reading the task; later delays grow by half"
                            + " up to maxPollInterval.")
    private long pollInterval = 2_000;
    @UriParam(label = "producer", defaultValue = "15s", javaType = "java.time.Duration",
              description = "With waitForCompletion: the longest delay between two reads of the task.")
    private long maxPollInterval = 15_000;
    @UriParam(label = "producer", defaultValue = "30m", javaType = "java.time.Duration",
              description = "With waitForCompletion: how long to wait for the task to finish before failing the exchange"
                            + " with KlingWaitTimeoutException (the task itself keeps running at Kling).")
    private long waitTimeout = 1_800_000;
    @UriParam(label = "producer", defaultValue = "false",
              description = "With waitForCompletion: replace the body with a stream of the first result's media (closed"
                            + " when the exchange completes), e.g. to write it with the file component. The task stays"
                            + " available in the headers.")
    private boolean download;
    @UriParam(label = "common", defaultValue = "30",
              description = "Page size for operation list and for the consumer's reads of the list endpoint (1-500).")
    private int pageSize = 30;

    // ---- request fields (operation create) ----
    @UriParam(label = "producer", description = "Kling model_name, e.g. kling-v1, kling-v1-6, kling-v2-master, kling-v2-6.")
    private String modelName;
    @UriParam(label = "producer",
              description = "The prompt (1-2500 characters) when the body does not carry it. For text features the body"
                            + " String is the prompt.")
    private String prompt;
    @UriParam(label = "producer", description = "What to keep out of the result (up to 2500 characters).")
    private String negativePrompt;
    @UriParam(label = "producer", description = "Prompt adherence, from 0 to 1. Not supported by kling-v2.x models.")
    private Double cfgScale;
    @UriParam(label = "producer", enums = "std,pro", description = "Generation mode: std or pro (higher quality, more cost).")
    private String mode;
    @UriParam(label = "producer", enums = "16:9,9:16,1:1", description = "Aspect ratio of the video.")
    private String aspectRatio;
    @UriParam(label = "producer", enums = "5,10", description = "Video length in seconds: 5 or 10.")
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
    @UriParam(label = "producer",
              description = "Your own unique id for the task, echoed back and usable for lookups; header"
                            + " CamelKlingExternalTaskId overrides it.")
    private String externalTaskId;
    @UriParam(label = "producer", description = "URL Kling POSTs the task to on every status change.")
    private String callbackUrl;

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
    public int getMaxReadAttempts() { return maxReadAttempts; }
    public void setMaxReadAttempts(int maxReadAttempts) { this.maxReadAttempts = maxReadAttempts; }
    public KlingOperation getOperation() { return operation; }
    public void setOperation(KlingOperation operation) { this.operation = operation; }
    public boolean isWaitForCompletion() { return waitForCompletion; }
    public void setWaitForCompletion(boolean waitForCompletion) { this.waitForCompletion = waitForCompletion; }
    public long getPollInterval() { return pollInterval; }
    public void setPollInterval(long pollInterval) { this.pollInterval = pollInterval; }
    public long getMaxPollInterval() { return maxPollInterval; }
    public void setMaxPollInterval(long maxPollInterval) { this.maxPollInterval = maxPollInterval; }
    public long getWaitTimeout() { return waitTimeout; }
    public void setWaitTimeout(long waitTimeout) { this.waitTimeout = waitTimeout; }
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
    public String getExternalTaskId() { return externalTaskId; }
    public void setExternalTaskId(String externalTaskId) { this.externalTaskId = externalTaskId; }
    public String getCallbackUrl() { return callbackUrl; }
    public void setCallbackUrl(String callbackUrl) { this.callbackUrl = callbackUrl; }
}

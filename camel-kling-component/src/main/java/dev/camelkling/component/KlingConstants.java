package dev.camelkling.component;

import org.apache.camel.spi.Metadata;

/**
 * Headers read and written by the kling component.
 * <p>
 * Request-field headers are named {@code CamelKling} + the option name with its first letter upper-cased
 * ({@code negativePrompt} becomes {@code CamelKlingNegativePrompt}); a header wins over the endpoint option.
 * The {@code Camel} prefix matters: transport header filters drop such headers, so they cannot be injected
 * from outside a route.
 */
public interface KlingConstants {

    String HEADER_PREFIX = "CamelKling";

    // ---- control ----
    @Metadata(label = "producer", description = "The operation to perform, overriding the endpoint option `operation`.",
              javaType = "String", enums = "create,get,list")
    String OPERATION = "CamelKlingOperation";
    @Metadata(label = "producer", description = "For `list`: the page to read (1-1000).", javaType = "Integer")
    String PAGE_NUM = "CamelKlingPageNum";
    @Metadata(label = "producer", description = "For `list`: the page size (1-500).", javaType = "Integer")
    String PAGE_SIZE = "CamelKlingPageSize";

    // ---- task result (set on every task result; TASK_ID and EXTERNAL_TASK_ID are also read by `get`) ----
    @Metadata(description = "The Kling task id. Set on results; read by operation `get`.", javaType = "String")
    String TASK_ID = "CamelKlingTaskId";
    @Metadata(description = "The task status: submitted, processing, succeed or failed.", javaType = "String")
    String TASK_STATUS = "CamelKlingTaskStatus";
    @Metadata(description = "Why a task failed (Kling's task_status_msg); empty otherwise.", javaType = "String")
    String TASK_STATUS_MESSAGE = "CamelKlingTaskStatusMessage";
    @Metadata(description = "Your own id of the task. Read by `create` (overrides the option) and by `get` (lookup by external id); set on results.",
              javaType = "String")
    String EXTERNAL_TASK_ID = "CamelKlingExternalTaskId";
    @Metadata(description = "URLs of the generated media, in result order.", javaType = "java.util.List<String>")
    String RESULT_URLS = "CamelKlingResultUrls";
    @Metadata(description = "Id of the first generated video, for chaining into video extend or lip sync.", javaType = "String")
    String VIDEO_ID = "CamelKlingVideoId";
    @Metadata(description = "When the task was created, epoch milliseconds.", javaType = "Long")
    String CREATED_AT = "CamelKlingCreatedAt";
    @Metadata(description = "When the task last changed, epoch milliseconds.", javaType = "Long")
    String UPDATED_AT = "CamelKlingUpdatedAt";

    // ---- request fields (producer, operation create) ----
    @Metadata(label = "producer", description = "Overrides option `modelName`.", javaType = "String")
    String MODEL_NAME = "CamelKlingModelName";
    @Metadata(label = "producer", description = "Overrides the prompt taken from the body or option `prompt`.", javaType = "String")
    String PROMPT = "CamelKlingPrompt";
    @Metadata(label = "producer", description = "Overrides option `negativePrompt`.", javaType = "String")
    String NEGATIVE_PROMPT = "CamelKlingNegativePrompt";
    @Metadata(label = "producer", description = "Overrides option `cfgScale`.", javaType = "Double")
    String CFG_SCALE = "CamelKlingCfgScale";
    @Metadata(label = "producer", description = "Overrides option `mode`.", javaType = "String")
    String MODE = "CamelKlingMode";
    @Metadata(label = "producer", description = "Overrides option `aspectRatio`.", javaType = "String")
    String ASPECT_RATIO = "CamelKlingAspectRatio";
    @Metadata(label = "producer", description = "Overrides option `duration` (seconds).", javaType = "Integer")
    String DURATION = "CamelKlingDuration";
    @Metadata(label = "producer", description = "Overrides option `sound`.", javaType = "String")
    String SOUND = "CamelKlingSound";
    @Metadata(label = "producer",
              description = "Overrides option `cameraControl`: a text such as `simple:zoom=5`, a Map or a CameraControl.",
              javaType = "Object")
    String CAMERA_CONTROL = "CamelKlingCameraControl";
    @Metadata(label = "producer",
              description = "image2video start frame (overrides the body): byte[], File, Path, InputStream, URL or raw Base64.",
              javaType = "Object")
    String IMAGE = "CamelKlingImage";
    @Metadata(label = "producer", description = "image2video end frame: byte[], File, Path, InputStream, URL or raw Base64.",
              javaType = "Object")
    String IMAGE_TAIL = "CamelKlingImageTail";
    @Metadata(label = "producer", description = "image2video motion brush static mask: byte[], File, Path, InputStream, URL or raw Base64.",
              javaType = "Object")
    String STATIC_MASK = "CamelKlingStaticMask";
    @Metadata(label = "producer", description = "image2video motion brush dynamic masks: a List of DynamicMask or of Maps.",
              javaType = "java.util.List")
    String DYNAMIC_MASKS = "CamelKlingDynamicMasks";
    @Metadata(label = "producer", description = "Overrides option `voiceList`: voice ids, a List or a comma-separated String.",
              javaType = "Object")
    String VOICE_LIST = "CamelKlingVoiceList";
    @Metadata(label = "producer", description = "Overrides option `watermarkInfo`.", javaType = "Boolean")
    String WATERMARK_INFO = "CamelKlingWatermarkInfo";
    @Metadata(label = "producer", description = "Overrides option `callbackUrl`.", javaType = "String")
    String CALLBACK_URL = "CamelKlingCallbackUrl";
}

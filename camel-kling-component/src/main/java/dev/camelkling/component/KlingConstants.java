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
    @Metadata(description = "The task status: submitted, processing, succeed or failed, spelled the legacy way on both"
                            + " designs (a new-design task's succeeded is succeed here, as in KlingTaskStatus).",
              javaType = "String")
    String TASK_STATUS = "CamelKlingTaskStatus";
    @Metadata(description = "Why a task failed (Kling's task_status_msg); empty otherwise.", javaType = "String")
    String TASK_STATUS_MESSAGE = "CamelKlingTaskStatusMessage";
    @Metadata(description = "Your own id of the task. Read by `create` (overrides the option) and by `get` (lookup by external id); set on results.",
              javaType = "String")
    String EXTERNAL_TASK_ID = "CamelKlingExternalTaskId";
    @Metadata(description = "URLs of the generated media a user downloads (what download=true fetches): the videos', then"
                            + " the images', in that order on both designs. The audio outputs of a video (audio=native) are"
                            + " not among them (the video has the sound; see CamelKlingAudioMp3Urls); a task whose only media"
                            + " is audio lists its MP3s. Watermarked copies, voices and elements are in their own headers.",
              javaType = "java.util.List<String>")
    String RESULT_URLS = "CamelKlingResultUrls";
    @Metadata(description = "URLs of the watermarked copies of the video and image results that have one (watermarkInfo"
                            + "=true: watermark_url, on both designs), in result order; empty otherwise.",
              javaType = "java.util.List<String>")
    String WATERMARK_URLS = "CamelKlingWatermarkUrls";
    @Metadata(description = "MP3 URLs of the new design's audio outputs (e.g. the sound track of a video made with"
                            + " audio=native), in output order; empty otherwise.", javaType = "java.util.List<String>")
    String AUDIO_MP3_URLS = "CamelKlingAudioMp3Urls";
    @Metadata(description = "WAV URLs of the new design's audio outputs, in output order (the same sounds as"
                            + " CamelKlingAudioMp3Urls); empty otherwise.", javaType = "java.util.List<String>")
    String AUDIO_WAV_URLS = "CamelKlingAudioWavUrls";
    @Metadata(description = "Ids of the new design's voice outputs (voice_id, else id), in output order; empty otherwise.",
              javaType = "java.util.List<String>")
    String VOICE_IDS = "CamelKlingVoiceIds";
    @Metadata(description = "Ids of the new design's element outputs (element_id, else id, every digit kept), in output"
                            + " order; empty otherwise.", javaType = "java.util.List<String>")
    String ELEMENT_IDS = "CamelKlingElementIds";
    @Metadata(description = "Every entry of a new-design task's outputs[], typed (KlingOutput Video, Image, Audio, Voice,"
                            + " Element), and an output type camel-kling does not know as KlingOutput.Other with its"
                            + " fields; on a legacy task, its videos and images as KlingOutput Video and Image.",
              javaType = "java.util.List<dev.camelkling.client.task.KlingOutput>")
    String OUTPUTS = "CamelKlingOutputs";
    @Metadata(description = "Id of the first generated video, for chaining into video extend or lip sync; read by videoExtend"
                            + " and lipSync as the source video.", javaType = "String")
    String VIDEO_ID = "CamelKlingVideoId";
    @Metadata(description = "What a new-design task was charged: Kling's billing[] as a List of KlingBilling (charge type"
                            + " unit or cash, the exact decimal amount, currency, package type); empty on legacy tasks"
                            + " (they report final_unit_deduction on the task instead).",
              javaType = "java.util.List<dev.camelkling.client.task.KlingBilling>")
    String BILLING = "CamelKlingBilling";
    @Metadata(description = "The design standard the task belongs to: LEGACY or NEW_DESIGN (chosen by the model).",
              javaType = "dev.camelkling.client.schema.DesignStandard")
    String DESIGN = "CamelKlingDesign";
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

    // ---- lipSync ----
    @Metadata(label = "producer", description = "lipSync: overrides option `step` (identify, create, auto).", javaType = "String")
    String STEP = "CamelKlingStep";
    @Metadata(label = "producer", description = "lipSync step=auto: overrides option `faceIndex`.", javaType = "Integer")
    String FACE_INDEX = "CamelKlingFaceIndex";
    @Metadata(label = "producer", description = "The video URL (lipSync identify, motionControl); overrides option `videoUrl`.",
              javaType = "String")
    String VIDEO_URL = "CamelKlingVideoUrl";
    @Metadata(description = "lipSync: the session from identify (set by step identify and auto, read by step create).",
              javaType = "String")
    String SESSION_ID = "CamelKlingSessionId";
    @Metadata(description = "lipSync identify: every face found, as a List of Face (id, preview image URL, start and end ms).",
              javaType = "java.util.List<dev.camelkling.client.task.Face>")
    String FACES = "CamelKlingFaces";
    @Metadata(description = "lipSync: the chosen face (set by step identify and auto, read by step create).", javaType = "String")
    String FACE_ID = "CamelKlingFaceId";
    @Metadata(description = "lipSync: start of the chosen face's window in ms; the default insert time of the audio.",
              javaType = "Long")
    String FACE_START_TIME = "CamelKlingFaceStartTime";
    @Metadata(description = "lipSync: end of the chosen face's window in ms; checked against the audio's placement.",
              javaType = "Long")
    String FACE_END_TIME = "CamelKlingFaceEndTime";
    @Metadata(label = "producer", description = "lipSync: overrides option `audioId`.", javaType = "String")
    String AUDIO_ID = "CamelKlingAudioId";
    @Metadata(label = "producer", description = "lipSync: the audio (overrides the body): byte[], File, Path, InputStream, URL or raw Base64.",
              javaType = "Object")
    String SOUND_FILE = "CamelKlingSoundFile";
    @Metadata(label = "producer", description = "lipSync: overrides option `soundStartTime` (ms).", javaType = "Long")
    String SOUND_START_TIME = "CamelKlingSoundStartTime";
    @Metadata(label = "producer", description = "lipSync: overrides option `soundEndTime` (ms).", javaType = "Long")
    String SOUND_END_TIME = "CamelKlingSoundEndTime";
    @Metadata(label = "producer", description = "lipSync: overrides option `soundInsertTime` (ms).", javaType = "Long")
    String SOUND_INSERT_TIME = "CamelKlingSoundInsertTime";
    @Metadata(label = "producer", description = "lipSync: overrides option `soundVolume`.", javaType = "Double")
    String SOUND_VOLUME = "CamelKlingSoundVolume";
    @Metadata(label = "producer", description = "lipSync: overrides option `originalAudioVolume`.", javaType = "Double")
    String ORIGINAL_AUDIO_VOLUME = "CamelKlingOriginalAudioVolume";

    // ---- multiImage2video, omniImage, motionControl ----
    @Metadata(label = "producer",
              description = "multiImage2video and omniImage: the images (overrides the body): a List of byte[], File, Path,"
                            + " InputStream, URL or raw Base64.",
              javaType = "java.util.List")
    String IMAGE_LIST = "CamelKlingImageList";
    @Metadata(label = "producer", description = "Overrides option `elementList`: a List of Long or a comma-separated String.",
              javaType = "Object")
    String ELEMENT_LIST = "CamelKlingElementList";
    @Metadata(label = "producer", description = "motionControl: the character image (overrides the body).", javaType = "Object")
    String IMAGE_URL = "CamelKlingImageUrl";
    @Metadata(label = "producer", description = "motionControl: overrides option `characterOrientation`.", javaType = "String")
    String CHARACTER_ORIENTATION = "CamelKlingCharacterOrientation";
    @Metadata(label = "producer", description = "motionControl: overrides option `keepOriginalSound`.", javaType = "String")
    String KEEP_ORIGINAL_SOUND = "CamelKlingKeepOriginalSound";

    // ---- the new design's video settings, omniVideo ----
    @Metadata(label = "producer", description = "Overrides option `audio` (new design: off, native, original).", javaType = "String")
    String AUDIO = "CamelKlingAudio";
    @Metadata(label = "producer", description = "Overrides option `multiShot`.", javaType = "Boolean")
    String MULTI_SHOT = "CamelKlingMultiShot";
    @Metadata(label = "producer",
              description = "omniVideo: the reference images (overrides option `referenceImages`): a List of byte[], File,"
                            + " Path, InputStream, URL or raw Base64.",
              javaType = "java.util.List")
    String REFERENCE_IMAGES = "CamelKlingReferenceImages";
    @Metadata(label = "producer", description = "omniVideo: overrides option `referenceVideo` (a video URL).", javaType = "String")
    String REFERENCE_VIDEO = "CamelKlingReferenceVideo";
    @Metadata(label = "producer", description = "omniVideo: overrides option `baseVideo` (a video URL).", javaType = "String")
    String BASE_VIDEO = "CamelKlingBaseVideo";

    // ---- videoExtend ----
    @Metadata(label = "producer", description = "videoExtend: overrides option `targetDuration` (seconds).", javaType = "Integer")
    String TARGET_DURATION = "CamelKlingTargetDuration";
    @Metadata(label = "producer", description = "videoExtend with targetDuration: the task id of every extension step, in order.",
              javaType = "java.util.List<String>")
    String TASK_IDS = "CamelKlingTaskIds";

    // ---- imageGeneration, omniImage ----
    @Metadata(label = "producer", description = "imageGeneration: overrides option `imageReference`.", javaType = "String")
    String IMAGE_REFERENCE = "CamelKlingImageReference";
    @Metadata(label = "producer", description = "imageGeneration: overrides option `imageFidelity`.", javaType = "Double")
    String IMAGE_FIDELITY = "CamelKlingImageFidelity";
    @Metadata(label = "producer", description = "imageGeneration: overrides option `humanFidelity`.", javaType = "Double")
    String HUMAN_FIDELITY = "CamelKlingHumanFidelity";
    @Metadata(label = "producer", description = "Overrides option `resolution`.", javaType = "String")
    String RESOLUTION = "CamelKlingResolution";
    @Metadata(label = "producer", description = "Overrides option `n` (number of images).", javaType = "Integer")
    String N = "CamelKlingN";
    @Metadata(label = "producer", description = "omniImage: overrides option `resultType`.", javaType = "String")
    String RESULT_TYPE = "CamelKlingResultType";
    @Metadata(label = "producer", description = "omniImage: overrides option `seriesAmount`.", javaType = "String")
    String SERIES_AMOUNT = "CamelKlingSeriesAmount";
}

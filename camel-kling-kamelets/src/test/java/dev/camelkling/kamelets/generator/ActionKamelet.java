package dev.camelkling.kamelets.generator;

import dev.camelkling.client.request.KlingFeature;

/** The action Kamelet of each feature: its name, title, and what it takes from the message. */
enum ActionKamelet {
    TEXT_TO_VIDEO(KlingFeature.TEXT2VIDEO, "kling-text-to-video-action", "Kling Text to Video Action",
            "Makes a video from a prompt with Kling's text2video. The body is the prompt (text).", null, null),
    IMAGE_TO_VIDEO(KlingFeature.IMAGE2VIDEO, "kling-image-to-video-action", "Kling Image to Video Action",
            "Makes a video that starts at a picture with Kling's image2video. The body is the start frame: image bytes or a"
            + " file (jpg or png, e.g. from a file or FTP source), an http(s) URL or raw Base64.", null, null),
    MULTI_IMAGE_TO_VIDEO(KlingFeature.MULTI_IMAGE2VIDEO, "kling-multi-image-to-video-action",
            "Kling Multi-Image to Video Action",
            "Makes a video from one to four reference images and a prompt (required) with Kling's multi-image2video. The"
            + " body is a List of images, or text listing image URLs separated by commas or white space (e.g. a"
            + " timer-source message or a line of a file); header CamelKlingImageList, if set, is used instead.",
            // A Pipe's sources carry text, not Lists: text becomes the image list, one URL per item (the method calls in
            // the Simple expression need camel-bean)
            """
                    - choice:
                        when:
                          - simple: "${header.CamelKlingImageList} == null && ${body} !is 'java.util.Collection'"
                            steps:
                              - setHeader:
                                  name: CamelKlingImageList
                                  simple: "${bodyAs(String).trim().split('[,\\\\s]+')}"
                    """, "camel:bean"),
    MOTION_CONTROL(KlingFeature.MOTION_CONTROL, "kling-motion-control-action", "Kling Motion Control Action",
            "Makes the character of a picture perform the motion of a reference video with Kling's motion-control. The"
            + " body is the character image (bytes, a file, a URL or raw Base64); videoUrl is the motion video;"
            + " characterOrientation and mode are required.", null, null),
    VIDEO_EXTEND(KlingFeature.VIDEO_EXTEND, "kling-video-extend-action", "Kling Video Extend Action",
            "Continues a video Kling made by about 5 s with Kling's video-extend (targetDuration: again and again until it"
            + " is that long). The source video is header CamelKlingVideoId (set by a Kling video action before it in the"
            + " Pipe), else a video id as text body, else the videoId property.", null, null),
    LIP_SYNC(KlingFeature.LIP_SYNC, "kling-lip-sync-action", "Kling Lip Sync Action",
            "Puts an audio track on a face of a video with Kling's identify-face and advanced-lip-sync (step=auto). The body"
            + " is the audio (mp3, wav or m4a of 2-60 s: bytes, a file, a URL or raw Base64); the video is header"
            + " CamelKlingVideoId (set by a Kling video action before it in the Pipe), else videoId, else videoUrl.", null, null),
    IMAGE_GENERATION(KlingFeature.IMAGE_GENERATION, "kling-image-generation-action", "Kling Image Generation Action",
            "Makes one to nine images (n) from a prompt with Kling's image generation. The body is the prompt (text).", null, null),
    OMNI_IMAGE(KlingFeature.OMNI_IMAGE, "kling-omni-image-action", "Kling Omni-Image Action",
            "Makes images from a prompt that may refer to input images as <<<image_1>>>, <<<image_2>>>, ... with Kling's"
            + " omni-image. The body is the prompt (text), or a List of the images the prompt (then the prompt property or"
            + " header CamelKlingPrompt) refers to.", null, null),
    OMNI_VIDEO(KlingFeature.OMNI_VIDEO, "kling-omni-video-action", "Kling Omni-Video Action",
            "Makes a video from a prompt that may refer to reference images (referenceImages), a reference video"
            + " (referenceVideo) or a video to edit (baseVideo) with Kling's omni-video: on the 2026 design with modelName"
            + " kling-3.0-omni or kling-o1 (an API key is required), on the legacy design with kling-video-o1 or"
            + " kling-v3-omni. The body is the prompt (text).", null, null);

    private final KlingFeature feature;
    private final String kameletName;
    private final String title;
    private final String description;
    private final String stepsBefore;
    private final String stepsDependency;

    ActionKamelet(KlingFeature feature, String kameletName, String title, String description, String stepsBefore,
            String stepsDependency) {
        this.feature = feature;
        this.kameletName = kameletName;
        this.title = title;
        this.description = description;
        this.stepsBefore = stepsBefore;
        this.stepsDependency = stepsDependency;
    }

    KlingFeature feature() {
        return feature;
    }

    String kameletName() {
        return kameletName;
    }

    String title() {
        return title;
    }

    String description() {
        return description;
    }

    /** YAML steps before the kling endpoint, or null. */
    String stepsBefore() {
        return stepsBefore;
    }

    /** What those steps need beyond camel-core and camel-kamelet, or null. */
    String stepsDependency() {
        return stepsDependency;
    }
}

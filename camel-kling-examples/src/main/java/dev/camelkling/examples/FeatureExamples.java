package dev.camelkling.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * One small route per Kling feature, as shown in docs/kling-component.md: each takes the feature's natural input on
 * {@code direct:<feature>} and ends with the finished task (headers CamelKlingTaskStatus, CamelKlingResultUrls, ...).
 * The same routes exist in YAML under {@code src/main/resources/routes}.
 */
public class FeatureExamples extends RouteBuilder {

    @Override
    public void configure() {
        // example:text2video
        from("direct:text2video")                              // body: the prompt
                .to("kling:text2video?aspectRatio=16:9&duration=5&waitForCompletion=true")
                .log("text2video ${header.CamelKlingTaskStatus}: ${header.CamelKlingResultUrls}");
        // end:text2video

        // example:image2video
        from("direct:image2video")                             // body: the start frame (bytes, file, stream, URL)
                .to("kling:image2video?prompt=The scene slowly comes alive&mode=std&waitForCompletion=true")
                .log("image2video ${header.CamelKlingTaskStatus}: ${header.CamelKlingResultUrls}");
        // end:image2video

        // example:multiImage2video
        from("direct:multiImage2video")                        // body: a List of 1-4 images
                .to("kling:multiImage2video?prompt=The two of them walk along a beach at sunset&waitForCompletion=true")
                .log("multiImage2video ${header.CamelKlingTaskStatus}: ${header.CamelKlingResultUrls}");
        // end:multiImage2video

        // example:motionControl
        from("direct:motionControl")                           // body: the character image; header CamelKlingVideoUrl: the motion
                .to("kling:motionControl?characterOrientation=video&mode=std&waitForCompletion=true")
                .log("motionControl ${header.CamelKlingTaskStatus}: ${header.CamelKlingResultUrls}");
        // end:motionControl

        // example:videoExtend
        from("direct:videoExtend")                             // body: a prompt; the video made is then extended
                .to("kling:text2video?waitForCompletion=true")
                .to("kling:videoExtend?prompt=The camera keeps following the fox&targetDuration=12")
                .log("videoExtend steps ${header.CamelKlingTaskIds}: ${header.CamelKlingResultUrls}");
        // end:videoExtend

        // example:lipSync
        from("direct:lipSync")                                 // body: the audio; header CamelKlingVideoId or CamelKlingVideoUrl: the video
                .to("kling:lipSync?step=auto&waitForCompletion=true")
                .log("lipSync face ${header.CamelKlingFaceId} ${header.CamelKlingTaskStatus}: ${header.CamelKlingResultUrls}");
        // end:lipSync

        // example:imageGeneration
        from("direct:imageGeneration")                         // body: the prompt
                .to("kling:imageGeneration?n=2&aspectRatio=1:1&resolution=1k&waitForCompletion=true")
                .log("imageGeneration ${header.CamelKlingTaskStatus}: ${header.CamelKlingResultUrls}");
        // end:imageGeneration

        // example:omniImage
        from("direct:omniImage")                               // body: a List of images the prompt refers to
                .setHeader("CamelKlingPrompt", constant("Let <<<image_1>>> and <<<image_2>>> sit together eating hotpot"))
                .to("kling:omniImage?aspectRatio=auto&waitForCompletion=true")
                .log("omniImage ${header.CamelKlingTaskStatus}: ${header.CamelKlingResultUrls}");
        // end:omniImage

        // example:omniVideo
        from("direct:omniVideo")                               // body: the prompt; the model chooses the new design
                .to("kling:omniVideo?modelName=kling-3.0-omni&aspectRatio=16:9&duration=5&apiKey={{kling.api-key}}"
                    + "&waitForCompletion=true")
                .log("omniVideo ${header.CamelKlingTaskStatus}, billed ${header.CamelKlingBilling}: ${header.CamelKlingResultUrls}");
        // end:omniVideo

        // example:newDesign
        from("direct:newDesign")                               // body: the prompt; Kling 3.0 on the new design
                .to("kling:text2video?modelName=kling-3.0&resolution=1080p&duration=8&audio=native&apiKey={{kling.api-key}}"
                    + "&waitForCompletion=true")
                .log("Kling 3.0 ${header.CamelKlingTaskStatus}, billed ${header.CamelKlingBilling}: ${header.CamelKlingResultUrls}");
        // end:newDesign
    }
}

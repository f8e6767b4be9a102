package dev.camelkling.component;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** consumerMode is an enum option: URI text converts to it case-insensitively, anything else names the option. */
class ConsumerModeOptionTest extends KlingTestSupport {

    @Test
    void uriTextBecomesTheEnumIgnoringCase() {
        assertThat(context.getEndpoint("kling:text2video", KlingEndpoint.class).getConsumerMode())
                .isEqualTo(KlingConsumerMode.poll);
        assertThat(context.getEndpoint("kling:text2video?consumerMode=Callback", KlingEndpoint.class).getConsumerMode())
                .isEqualTo(KlingConsumerMode.callback);
        assertThat(context.getEndpoint("kling:image2video?consumerMode=POLL", KlingEndpoint.class).getConsumerMode())
                .isEqualTo(KlingConsumerMode.poll);
    }

    @Test
    void anUnknownModeIsRefusedWhenTheEndpointIsCreated() {
        assertThatThrownBy(() -> context.getEndpoint("kling:text2video?consumerMode=webhook"))
                .hasStackTraceContaining("consumerMode must be poll or callback (was webhook)");
    }
}

package dev.camelkling.component;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * statuses is a list option: Camel converts the URI's comma-separated text to a List of KlingFinalStatus (any case,
 * blanks around the values allowed), and anything else is refused when the endpoint is created, naming the option.
 */
class StatusesOptionTest extends KlingTestSupport {

    @Test
    void uriTextBecomesAListOfFinalStatuses() {
        assertThat(context.getEndpoint("kling:text2video", KlingEndpoint.class).getStatuses())
                .containsExactly(KlingFinalStatus.succeed, KlingFinalStatus.failed);
        assertThat(context.getEndpoint("kling:text2video?statuses=failed", KlingEndpoint.class).getStatuses())
                .containsExactly(KlingFinalStatus.failed);
        assertThat(context.getEndpoint("kling:image2video?statuses=Failed,SUCCEED", KlingEndpoint.class).getStatuses())
                .containsExactly(KlingFinalStatus.failed, KlingFinalStatus.succeed);
    }

    @Test
    void javaCodeSetsTheListItself() {
        KlingEndpoint endpoint = context.getEndpoint("kling:lipSync", KlingEndpoint.class);
        endpoint.setStatuses(List.of(KlingFinalStatus.succeed));
        assertThat(endpoint.getStatuses()).containsExactly(KlingFinalStatus.succeed);
    }

    @Test
    void aStatusThatIsNotFinalIsRefusedWhenTheEndpointIsCreated() {
        assertThatThrownBy(() -> context.getEndpoint("kling:text2video?statuses=succeed,processing"))
                .hasStackTraceContaining("statuses: only the final statuses succeed and failed can be emitted (was processing)");
        assertThatThrownBy(() -> context.getEndpoint("kling:text2video?statuses=done"))
                .hasStackTraceContaining("statuses: only the final statuses succeed and failed can be emitted (was done)");
    }

    @Test
    void anEmptyListIsRefusedWhenTheConsumerIsCreated() throws Exception {
        KlingEndpoint endpoint = context.getEndpoint("kling:multiImage2video", KlingEndpoint.class);
        endpoint.setStatuses(List.of());
        assertThatThrownBy(() -> endpoint.createConsumer(exchange -> { }))
                .hasMessageContaining("statuses").hasMessageContaining("succeed, failed or both");
    }
}

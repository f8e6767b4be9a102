package dev.camelkling.component;

import java.util.concurrent.TimeUnit;

import dev.camelkling.client.KlingClient;
import dev.camelkling.client.KlingClientConfig;
import dev.camelkling.client.auth.KlingCredentials;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.task.KlingTask;
import org.apache.camel.CamelContext;
import org.apache.camel.main.MainAutowiredLifecycleStrategy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A KlingClient of the user's own (klingClient, autowired when it is the only one): the endpoint uses it instead of
 * building one, never closes it, and needs no credentials of its own. Also: callback settings set once on the component.
 */
class KlingClientOptionTest extends KlingTestSupport {

    /** Reaches the simulator with its API key, while the component is configured with the access key pair. */
    private static final KlingClient OWN = KlingClient.create(KlingClientConfig.builder().baseUrl(SIM.baseUrl())
            .credentials(KlingCredentials.apiKey(API_KEY)).build());

    @AfterAll
    static void closeOwnClient() {
        OWN.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("ownClient", OWN);
        // autowiring is camel-main's work (Spring Boot and Quarkus do the same): add the component again under it
        context.addLifecycleStrategy(new MainAutowiredLifecycleStrategy(context));
        context.addComponent("kling", context.removeComponent("kling"));
        KlingConfiguration defaults = context.getComponent("kling", KlingComponent.class).getConfiguration();
        defaults.setCallbackBaseUrl("https://app.example.com");
        return context;
    }

    @Test
    void theEndpointUsesTheUsersClientAndLeavesItOpen() throws Exception {
        // the component's secret is wrong for this endpoint: only the user's client (API key) can succeed
        KlingTask task = template.requestBody("kling:text2video?klingClient=#ownClient&secretKey=RAW(wrong-secret-key)",
                "A fox in the snow", KlingTask.class);
        assertThat(task.taskId()).isNotBlank();
        KlingEndpoint endpoint = context.getEndpoint("kling:text2video?klingClient=#ownClient&secretKey=RAW(wrong-secret-key)",
                KlingEndpoint.class);
        assertThat(endpoint.getClient()).isSameAs(OWN);

        context.stop();

        assertThat(OWN.get(KlingFeature.TEXT2VIDEO, task.taskId()).get(10, TimeUnit.SECONDS).taskId()).isEqualTo(task.taskId());
    }

    @Test
    void theOnlyKlingClientInTheRegistryIsAutowired() {
        assertThat(context.getComponent("kling", KlingComponent.class).getConfiguration().getKlingClient()).isSameAs(OWN);
        KlingTask task = template.requestBody("kling:text2video?secretKey=RAW(wrong-secret-key)", "A hare", KlingTask.class);
        assertThat(task.taskId()).isNotBlank();
    }

    @Test
    void callbackSettingsSetOnceOnTheComponentApplyToEveryEndpointAndTheUriOverrides() {
        assertThat(context.getEndpoint("kling:text2video", KlingEndpoint.class).getCallbackBaseUrl())
                .isEqualTo("https://app.example.com");
        assertThat(context.getEndpoint("kling:imageGeneration?callbackBaseUrl=https://other.example.com", KlingEndpoint.class)
                .getCallbackBaseUrl()).isEqualTo("https://other.example.com");
    }
}

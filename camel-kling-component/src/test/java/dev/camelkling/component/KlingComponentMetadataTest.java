package dev.camelkling.component;

import java.util.Map;

import org.apache.camel.CatalogCamelContext;
import org.apache.camel.spi.BeanIntrospection;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated configurers, URI factory and JSON are on the classpath and used: no reflection, secrets flagged. */
class KlingComponentMetadataTest extends KlingTestSupport {

    @Test
    void endpointsAreConfiguredWithoutReflection() {
        BeanIntrospection introspection = PluginHelper.getBeanIntrospection(context);
        introspection.setExtendedStatistics(true);
        introspection.resetCounters();

        KlingEndpoint endpoint = context.getEndpoint(
                "kling:text2video?negativePrompt=blurry&cfgScale=0.4&duration=10&waitForCompletion=true&pollInterval=3s",
                KlingEndpoint.class);

        assertThat(endpoint.getConfiguration().getNegativePrompt()).isEqualTo("blurry");
        assertThat(endpoint.getConfiguration().getCfgScale()).isEqualTo(0.4);
        assertThat(endpoint.getConfiguration().getDuration()).isEqualTo(10);
        assertThat(endpoint.getConfiguration().getPollInterval()).isEqualTo(3000);
        assertThat(introspection.getInvokedCounter()).as("bean introspection (reflection) must not be used").isZero();
        KlingComponent component = context.getComponent("kling", KlingComponent.class);
        assertThat(component.getEndpointPropertyConfigurer().getClass().getSimpleName()).isEqualTo("KlingEndpointConfigurer");
        assertThat(component.getComponentPropertyConfigurer().getClass().getSimpleName()).isEqualTo("KlingComponentConfigurer");
    }

    @Test
    void uriFactoryKnowsTheSecrets() throws Exception {
        EndpointUriFactory factory = context.getCamelContextExtension().getEndpointUriFactory("kling");

        assertThat(factory.secretPropertyNames()).contains("accessKey", "secretKey", "apiKey");
        assertThat(factory.buildUri("kling", Map.of("feature", "text2video", "duration", 5), false))
                .isEqualTo("kling:text2video?duration=5");
    }

    @Test
    void componentJsonDescribesFeaturesOptionsAndHeaders() throws Exception {
        String json = ((CatalogCamelContext) context).getComponentParameterJsonSchema("kling");

        assertThat(json).contains("\"scheme\": \"kling\"")
                .contains("\"CamelKlingTaskId\"").contains("\"CamelKlingResultUrls\"")
                .contains("\"waitForCompletion\"").contains("\"negativePrompt\"")
                .contains("\"enum\": [ \"text2video\", \"image2video\", \"multiImage2video\", \"motionControl\", \"omniVideo\", \"videoExtend\", \"lipSync\", \"imageGeneration\", \"omniImage\" ]");
    }

    @Test
    void catalogShowsTheConsumerDelayTheEndpointUses() throws Exception {
        String json = ((CatalogCamelContext) context).getComponentParameterJsonSchema("kling");
        KlingEndpoint plain = context.getEndpoint("kling:text2video", KlingEndpoint.class);
        KlingEndpoint tuned = context.getEndpoint("kling:imageGeneration?delay=2s", KlingEndpoint.class);

        assertThat(json).containsPattern("\"delay\": \\{[^}]*\"defaultValue\": \"?" + plain.getDelay() + "\"?,");
        assertThat(plain.getDelay()).isEqualTo(5000);
        assertThat(tuned.getDelay()).isEqualTo(2000);
    }

    @Test
    void secretsAreMaskedInEndpointUris() {
        var endpoint = context.getEndpoint("kling:text2video?accessKey=ak-visible&secretKey=sk-hidden-123&apiKey=api-hidden-456");

        assertThat(endpoint.toString()).doesNotContain("sk-hidden-123").doesNotContain("api-hidden-456");
    }
}

package dev.camelkling.quarkus.it;

import dev.camelkling.component.KlingComponent;
import dev.camelkling.component.KlingComponentConfigurer;
import dev.camelkling.component.KlingEndpointConfigurer;
import dev.camelkling.component.KlingEndpointUriFactory;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.quarkus.core.FastFactoryFinderResolver;
import org.apache.camel.spi.FactoryFinderResolver;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Camel Quarkus application (JVM mode) in the test JVM, with camel-kling as a plain dependency: no extension and
 * no {@code quarkus.index-dependency.*} properties. (Quarkus's test bootstrap takes camel-kling from this repository's
 * camel-kling-component/target/classes; {@link PosterApplicationIT} runs the packaged application with the jar.)
 */
@QuarkusTest
@WithTestResource(value = KlingSimulatorResource.class,
                  initArgs = @ResourceArg(name = KlingSimulatorResource.LOG_FILE, value = "target/quarkus-test.log"))
class PosterRouteTest extends PosterFlowContract {

    @Inject
    CamelContext camelContext;

    @Test
    void componentIsDiscoveredAndConfiguredFromApplicationProperties() {
        KlingComponent kling = camelContext.getComponent("kling", KlingComponent.class);

        assertThat(kling.getConfiguration().getBaseUrl()).isEqualTo(fixture.simulator().baseUrl());
        assertThat(kling.getConfiguration().getPollInterval()).isEqualTo(50L);
        // the generated configurers, found through the jar's service files, not Camel's reflection fallback
        assertThat(kling.getComponentPropertyConfigurer().getClass().getName())
                .isEqualTo("dev.camelkling.component.KlingComponentConfigurer");
        assertThat(kling.getEndpointPropertyConfigurer().getClass().getName())
                .isEqualTo("dev.camelkling.component.KlingEndpointConfigurer");
    }

    @Test
    void camelQuarkusRegisteredTheKlingServiceFilesAtBuildTime() {
        // the service files Camel Quarkus read at build time (from indexed archives only) and resolves from this map
        FactoryFinderResolver resolver = PluginHelper.getFactoryFinderResolver(camelContext.getCamelContextExtension());
        assertThat(resolver).isInstanceOf(FastFactoryFinderResolver.class);
        assertThat(((FastFactoryFinderResolver) resolver).getClassMap())
                .containsEntry("META-INF/services/org/apache/camel/configurer/kling-component", KlingComponentConfigurer.class)
                .containsEntry("META-INF/services/org/apache/camel/configurer/kling-endpoint", KlingEndpointConfigurer.class)
                .containsEntry("META-INF/services/org/apache/camel/urifactory/kling-endpoint", KlingEndpointUriFactory.class);
        // component/* files become registry entries at build time instead
        assertThat(camelContext.getRegistry().lookupByName("kling")).isInstanceOf(KlingComponent.class);
    }
}

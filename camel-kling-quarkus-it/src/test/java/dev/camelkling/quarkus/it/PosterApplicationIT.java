package dev.camelkling.quarkus.it;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}, JVM mode, the shape Camel K builds), started
 * as its own process with the camel-kling jar from the repository in its {@code lib/}, configured by system
 * properties from {@link KlingSimulatorResource}. Its log is the launcher's {@code target/quarkus.log}.
 */
@QuarkusIntegrationTest
@WithTestResource(KlingSimulatorResource.class)
class PosterApplicationIT extends PosterFlowContract {

    @Test
    void camelQuarkusRegisteredTheKlingServiceFilesAtBuildTime() throws IOException {
        // Camel Quarkus reads Camel service files at build time, from indexed archives only, and the packaged
        // application logs each entry at DEBUG when it starts: these lines exist only if Quarkus indexed camel-kling
        String log = Files.readString(fixture.logFile());
        for (String entry : List.of("configurer/kling-component: dev.camelkling.component.KlingComponentConfigurer",
                "configurer/kling-endpoint: dev.camelkling.component.KlingEndpointConfigurer",
                "urifactory/kling-endpoint: dev.camelkling.component.KlingEndpointUriFactory")) {
            assertThat(log).contains("FactoryFinder entry META-INF/services/org/apache/camel/" + entry);
        }
    }
}

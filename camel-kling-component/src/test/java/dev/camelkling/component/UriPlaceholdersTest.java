package dev.camelkling.component;

import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import dev.camelkling.simulator.KlingSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Endpoint options reach the component as the user wrote them, whether they come from {@code {{placeholders}}},
 * optional {@code {{?placeholders}}} set or unset, literal YAML parameters or Kamelet properties. Camel 4.18 encodes a
 * URI's values a second time when it drops an unset optional placeholder; URL and path options are repaired.
 */
class UriPlaceholdersTest extends KlingTestSupport {

    /** A second account whose secret has every character a URI query treats specially. */
    private static final String AWKWARD_SECRET = "s+cr&t%=?#";

    @TempDir
    static Path downloads;

    private static KlingSimulator awkward;

    @BeforeAll
    static void startAwkwardSimulator() {
        awkward = KlingSimulator.builder().accessKey("awkward-ak").secretKey(AWKWARD_SECRET).build().start();
    }

    @AfterAll
    static void stopAwkwardSimulator() {
        awkward.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        Properties properties = new Properties();
        properties.setProperty("sim.baseUrl", SIM.baseUrl());
        properties.setProperty("sim.accessKey", SIM.accessKey());
        properties.setProperty("sim.secretKey", SIM.secretKey());
        properties.setProperty("set.aspectRatio", "9:16");
        properties.setProperty("set.downloadDirectory", downloads.toString());
        properties.setProperty("awkward.secretKey", AWKWARD_SECRET);
        context.getPropertiesComponent().setInitialProperties(properties);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                load("placeholders-unset", placeholderRoute("unset"));
                load("placeholders-set", placeholderRoute("set"));
                // literal values, as a user writes them in YAML, next to an unset optional placeholder; the secret, as
                // it should be, from a property
                load("literal", """
                        - route:
                            from:
                              uri: direct:literal
                              steps:
                                - to:
                                    uri: kling:imageGeneration
                                    parameters:
                                      baseUrl: %s
                                      accessKey: %s
                                      secretKey: "%s"
                                      downloadDirectory: %s
                                      aspectRatio: "{{?unset.aspectRatio}}"
                                      waitForCompletion: true
                                      download: true
                        """.formatted(awkward.baseUrl(), awkward.accessKey(), "{{awkward.secretKey}}", downloads));
                from("direct:kamelet").to("kamelet:kling-test-image-action?baseUrl="
                                          + URLEncoder.encode(SIM.baseUrl(), StandardCharsets.UTF_8)
                                          + "&accessKey=" + SIM.accessKey() + "&secretKey=" + SIM.secretKey());
            }

            private void load(String name, String yaml) throws Exception {
                PluginHelper.getRoutesLoader(getContext()).loadRoutes(ResourceHelper.fromString(name + ".yaml", yaml));
            }
        };
    }

    private static String placeholderRoute(String variant) {
        return """
                - route:
                    from:
                      uri: direct:%1$s
                      steps:
                        - to:
                            uri: kling:imageGeneration
                            parameters:
                              baseUrl: "{{sim.baseUrl}}"
                              accessKey: "{{sim.accessKey}}"
                              secretKey: "{{sim.secretKey}}"
                              aspectRatio: "{{?%1$s.aspectRatio}}"
                              downloadDirectory: "{{?%1$s.downloadDirectory}}"
                              waitForCompletion: true
                              download: true
                """.formatted(variant);
    }

    private Exchange send(String endpoint) {
        Exchange out = template.request(endpoint, e -> e.getMessage().setBody("A poster of a lighthouse at dusk"));
        assertThat(out.getException()).as("exception of %s", endpoint).isNull();
        assertThat(out.getMessage().getHeader(KlingConstants.TASK_STATUS)).isEqualTo("succeed");
        return out;
    }

    @Test
    void optionalPlaceholdersLeftUnsetAreDropped() {
        Exchange out = send("direct:unset");
        assertThat(out.getMessage().getBody(File.class).toPath().startsWith(downloads)).isFalse();
        assertThat(SIM.simulator().createdTaskCount()).isEqualTo(1);
    }

    @Test
    void optionalPlaceholdersThatAreSetApply() {
        Exchange out = send("direct:set");
        assertThat(out.getMessage().getBody(File.class).toPath()).startsWith(downloads).exists();
        KlingEndpoint endpoint = context.getEndpoints().stream().filter(KlingEndpoint.class::isInstance)
                .map(KlingEndpoint.class::cast).filter(e -> "9:16".equals(e.getConfiguration().getAspectRatio()))
                .findFirst().orElseThrow();
        assertThat(endpoint.getConfiguration().getDownloadDirectory()).isEqualTo(downloads.toString());
    }

    @Test
    void literalUrlAndPathAndASecretPlaceholderNextToAnUnsetOptionalPlaceholderArriveAsWritten() {
        Exchange out = send("direct:literal");
        assertThat(out.getMessage().getBody(File.class).toPath()).startsWith(downloads).exists();
        assertThat(awkward.createdTaskCount()).isEqualTo(1);
    }

    @Test
    void kameletPropertiesGivenEncodedInTheKameletUriArriveDecoded() {
        send("direct:kamelet");
    }
}

package dev.camelkling.component.springboot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelkling.component.KlingComponent;
import dev.camelkling.component.KlingComponentConfigurer;
import dev.camelkling.component.KlingConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Binding and copying, option by option: a value set for each property reaches the kling component, unset properties
 * leave its defaults alone, bean references resolve, and the switches turn the starter off.
 */
class KlingComponentPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(CamelAutoConfiguration.class, KlingComponentConverter.class,
                    KlingComponentAutoConfiguration.class));

    @Test
    void aValueSetForEveryPropertyReachesTheComponent() {
        Map<String, String> expectedOnComponent = new LinkedHashMap<>();
        List<String> properties = new ArrayList<>();
        KlingMetadata.componentOptions().forEach((option, o) -> {
            if (KlingMetadata.isObject(o)) {
                return; // bean references: see the tests below
            }
            String[] sample = sample(option, o);
            properties.add(KlingMetadata.propertyName(option) + "=" + sample[0]);
            expectedOnComponent.put(option, sample[1]);
        });
        runner.withPropertyValues(properties.toArray(String[]::new)).run(context -> {
            KlingComponent component = kling(context);
            Map<String, String> actual = new LinkedHashMap<>();
            expectedOnComponent.keySet().forEach(option -> actual.put(option, String.valueOf(optionValue(component, option))));
            assertThat(actual).isEqualTo(expectedOnComponent);
        });
    }

    @Test
    void unsetPropertiesLeaveEveryDefaultOfTheComponent() {
        KlingComponent untouched = new KlingComponent();
        runner.run(context -> {
            KlingComponent component = kling(context);
            KlingMetadata.componentOptions().forEach((option, o) -> {
                if (!KlingMetadata.isObject(o)) {
                    assertThat(optionValue(component, option)).as(option).isEqualTo(optionValue(untouched, option));
                }
            });
        });
    }

    @Test
    void sharedConfigurationBeanIsRefinedByTheFlattenedProperties() {
        runner.withUserConfiguration(Beans.class)
                .withPropertyValues("camel.component.kling.configuration=#bean:sharedKling",
                        "camel.component.kling.base-url=http://127.0.0.1:1",
                        "camel.component.kling.model-name=kling-v2-6")
                .run(context -> {
                    KlingConfiguration configuration = kling(context).getConfiguration();
                    assertThat(configuration).isSameAs(context.getBean("sharedKling"));
                    assertThat(configuration.getBaseUrl()).isEqualTo("http://127.0.0.1:1");
                    assertThat(configuration.getModelName()).isEqualTo("kling-v2-6");
                    assertThat(configuration.getPollInterval()).as("kept from the bean").isEqualTo(777);
                    assertThat(configuration.isWaitForCompletion()).as("kept from the bean").isTrue();
                });
    }

    @Test
    void sslContextParametersByShortBeanReference() {
        runner.withUserConfiguration(Beans.class)
                .withPropertyValues("camel.component.kling.ssl-context-parameters=#klingTls")
                .run(context -> assertThat(kling(context).getConfiguration().getSslContextParameters())
                        .isSameAs(context.getBean("klingTls")));
    }

    @Test
    void aPlainTextForAnObjectOptionFailsTheStartupWithAReason() {
        runner.withPropertyValues("camel.component.kling.ssl-context-parameters=klingTls")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("expected a bean reference (#bean:name)"));
    }

    @Test
    void disabledStarterBindsNothing() {
        runner.withPropertyValues("camel.component.kling.enabled=false", "camel.component.kling.base-url=http://127.0.0.1:1")
                .run(context -> {
                    assertThat(context).doesNotHaveBean(KlingComponentConfiguration.class);
                    assertThat(kling(context).getConfiguration().getBaseUrl()).isEqualTo("https://api-singapore.klingai.com");
                });
    }

    @Test
    void disabledCustomizerLeavesTheComponentAlone() {
        runner.withPropertyValues("camel.component.kling.customizer.enabled=false",
                        "camel.component.kling.base-url=http://127.0.0.1:1")
                .run(context -> {
                    assertThat(context.getBean(KlingComponentConfiguration.class).getBaseUrl()).isEqualTo("http://127.0.0.1:1");
                    assertThat(kling(context).getConfiguration().getBaseUrl()).isEqualTo("https://api-singapore.klingai.com");
                });
    }

    @Test
    void worksWithoutTheActuatorOnTheClassPath() {
        runner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
                .withPropertyValues("camel.component.kling.base-url=http://127.0.0.1:1")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean("klingSecretsSanitizingFunction");
                    assertThat(kling(context).getConfiguration().getBaseUrl()).isEqualTo("http://127.0.0.1:1");
                });
        runner.run(context -> assertThat(context).hasBean("klingSecretsSanitizingFunction"));
    }

    @Configuration(proxyBeanMethods = false)
    static class Beans {

        @Bean
        KlingConfiguration sharedKling() {
            KlingConfiguration configuration = new KlingConfiguration();
            configuration.setPollInterval(777);
            configuration.setWaitForCompletion(true);
            return configuration;
        }

        @Bean
        SSLContextParameters klingTls() {
            return new SSLContextParameters();
        }
    }

    private static KlingComponent kling(AssertableApplicationContext context) {
        return context.getBean(CamelContext.class).getComponent("kling", KlingComponent.class);
    }

    /** The option's value as the component's generated configurer reads it (durations in milliseconds). */
    private static Object optionValue(KlingComponent component, String option) {
        return new KlingComponentConfigurer().getOptionValue(component, option, false);
    }

    /**
     * A value for the property that differs from the component's default, and how the component reports it: an
     * allowed value for enums, the opposite of the default for booleans, 1234ms for durations (1234 on the component).
     */
    private static String[] sample(String option, JsonNode o) {
        List<String> allowed = new ArrayList<>();
        o.path("enum").forEach(v -> allowed.add(v.asText()));
        if (!allowed.isEmpty()) {
            String value = allowed.get(allowed.size() - 1);
            return new String[] { value, value };
        }
        return switch (o.path("type").asText()) {
            case "boolean" -> {
                String value = String.valueOf(!o.path("defaultValue").asBoolean(false));
                yield new String[] { value, value };
            }
            case "integer" -> new String[] { "7", "7" };
            case "number" -> new String[] { "0.5", "0.5" };
            case "duration" -> new String[] { "1234ms", "1234" };
            // a list option: comma-separated text binds to a List, element by element
            case "array" -> new String[] { "sample-" + option + "-1,sample-" + option + "-2",
                    "[sample-" + option + "-1, sample-" + option + "-2]" };
            default -> new String[] { "sample-" + option, "sample-" + option };
        };
    }
}

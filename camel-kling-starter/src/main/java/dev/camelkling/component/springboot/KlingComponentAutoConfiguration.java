package dev.camelkling.component.springboot;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigureAfter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Applies the {@code camel.component.kling.*} properties to the kling component when Camel creates it, the way
 * camel-spring-boot's generated starters do. {@code camel.component.kling.enabled=false} (or
 * {@code camel.component.enabled=false}) turns the auto-configuration off, {@code camel.component.kling.customizer.enabled=false}
 * only the customizer.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, KlingComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.kling" })
@AutoConfigureAfter({ CamelAutoConfiguration.class, KlingComponentConverter.class })
public class KlingComponentAutoConfiguration {

    @Lazy
    @Bean
    public ComponentCustomizer configureKlingComponent(CamelContext camelContext, ApplicationContext applicationContext,
                                                       KlingComponentConfiguration configuration) {
        return new KlingComponentCustomizer(camelContext, applicationContext, configuration);
    }

    /** Only with the actuator: its /configprops and /env endpoints then show the keys masked even with show-values=always. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
    static class SecretsSanitizing {

        @Bean
        SanitizingFunction klingSecretsSanitizingFunction() {
            return new KlingSecretsSanitizingFunction();
        }
    }
}

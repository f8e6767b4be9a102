package dev.camelkling.component.springboot;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.SimulatorTiming;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.actuate.health.CamelHealthCheckAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Camel's health as the actuator reports it follows a kling consumer's polls of Kling: UP while they succeed, DOWN
 * once they keep failing (here: nothing listens at the configured base URL). The health is not UP by construction.
 */
class KlingConsumerHealthTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, CamelHealthCheckAutoConfiguration.class,
                    KlingComponentConverter.class, KlingComponentAutoConfiguration.class))
            .withUserConfiguration(ConsumerRoute.class)
            .withPropertyValues("camel.health.exposure-level=full", "camel.component.kling.access-key=ak",
                    "camel.component.kling.secret-key=sk");

    @Test
    void upWhileThePollsReachKling() {
        try (KlingSimulator simulator = KlingSimulator.builder().accessKey("ak").secretKey("sk")
                .timing(SimulatorTiming.of(Duration.ofMillis(50), Duration.ofMillis(300))).build().start()) {
            runner.withPropertyValues("camel.component.kling.base-url=" + simulator.baseUrl()).run(context -> {
                HealthIndicator camel = context.getBean("camelHealth", HealthIndicator.class);
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    Health health = camel.health();
                    assertThat(health.getStatus()).isEqualTo(Status.UP);
                    assertThat(health.getDetails()).containsEntry("consumer:kling-tasks", "UP");
                });
            });
        }
    }

    @Test
    void downWhenThePollsCannotReachKling() throws IOException {
        runner.withPropertyValues("camel.component.kling.base-url=http://127.0.0.1:" + closedPort()).run(context -> {
            HealthIndicator camel = context.getBean("camelHealth", HealthIndicator.class);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Health health = camel.health();
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails()).containsEntry("consumer:kling-tasks", "DOWN");
            });
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class ConsumerRoute {

        @Bean
        RouteBuilder klingTasks() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("kling:imageGeneration?delay=50&initialDelay=0&maxReadAttempts=1").routeId("kling-tasks")
                            .log("${header.CamelKlingTaskId}");
                }
            };
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

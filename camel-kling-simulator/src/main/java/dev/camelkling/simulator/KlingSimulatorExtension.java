package dev.camelkling.simulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.Consumer;

/**
 * Runs a {@link KlingSimulator} around tests. Registered on a {@code static} field it lives for the
 * test class (JUnit only calls BeforeAll/AfterAll for static registrations); on an instance field it
 * lives for each test.
 *
 * <pre>{@code
 * @RegisterExtension
 * static KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.apiKey("k"));
 * }</pre>
 */
public final class KlingSimulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    private final Consumer<KlingSimulatorBuilder> configuration;
    private KlingSimulator simulator;
    private boolean perClass;
    private int classDepth;

    private KlingSimulatorExtension(Consumer<KlingSimulatorBuilder> configuration) {
        this.configuration = configuration;
    }

    public static KlingSimulatorExtension create() {
        return create(b -> { });
    }

    public static KlingSimulatorExtension create(Consumer<KlingSimulatorBuilder> configuration) {
        return new KlingSimulatorExtension(configuration);
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        // @Nested classes call beforeAll again for the same static field; keep one simulator.
        if (classDepth++ == 0) {
            perClass = true;
            simulator = startNew();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (--classDepth == 0) {
            stop();
        }
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        if (!perClass) {
            simulator = startNew();
        }
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    private KlingSimulator startNew() {
        KlingSimulatorBuilder builder = KlingSimulator.builder();
        configuration.accept(builder);
        return builder.build().start();
    }

    private void stop() {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    public synchronized KlingSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("the simulator runs only while tests run");
        }
        return simulator;
    }

    public String baseUrl() {
        return simulator().baseUrl();
    }

    public String accessKey() {
        return simulator().accessKey();
    }

    public String secretKey() {
        return simulator().secretKey();
    }

    public String apiKey() {
        return simulator().apiKey();
    }
}

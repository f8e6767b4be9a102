package dev.camelkling.examples.flows;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.camelkling.simulator.KlingSimulator;
import dev.camelkling.simulator.SimulatorTiming;

/**
 * Where a flow's {@code kling:} endpoints go: the real Kling API when credentials are in the environment
 * ({@code KLING_ACCESS_KEY}/{@code KLING_SECRET_KEY} or {@code KLING_API_KEY}; {@code KLING_BASE_URL} picks another
 * region), otherwise an in-process Kling simulator that this backend starts and stops.
 * <p>
 * It speaks to the flow only through Camel properties ({@code camel.component.kling.*}), the same ones a user puts in
 * {@code application.properties}, so a flow copied into another project needs nothing of this class.
 */
public final class KlingBackend implements AutoCloseable {

    private final KlingSimulator simulator;
    private final boolean ownsSimulator;
    private final Map<String, String> properties;

    private KlingBackend(KlingSimulator simulator, boolean ownsSimulator, Map<String, String> properties) {
        this.simulator = simulator;
        this.ownsSimulator = ownsSimulator;
        this.properties = Map.copyOf(properties);
    }

    /** The real API when the environment has credentials, else a simulator started here with the given timing. */
    public static KlingBackend fromEnvironment(Map<String, String> env, SimulatorTiming timing) {
        if (hasRealCredentials(env)) {
            Map<String, String> properties = new LinkedHashMap<>();
            if (hasText(env.get("KLING_BASE_URL"))) {
                properties.put("camel.component.kling.baseUrl", env.get("KLING_BASE_URL"));
            }
            // the credentials themselves are read from the environment by the component: never copied around here
            return new KlingBackend(null, false, properties);
        }
        // an account with an API key as well, which the new design (Kling 3.0) requires
        KlingSimulator started = KlingSimulator.builder().timing(timing).maxConcurrentTasks(50)
                .apiKey("sim-" + UUID.randomUUID()).build().start();
        return new KlingBackend(started, true, simulatorProperties(started));
    }

    /** A simulator the caller started and will close (tests share one between several flow runs). */
    public static KlingBackend using(KlingSimulator simulator) {
        return new KlingBackend(simulator, false, simulatorProperties(simulator));
    }

    public static boolean hasRealCredentials(Map<String, String> env) {
        return hasText(env.get("KLING_API_KEY"))
               || hasText(env.get("KLING_ACCESS_KEY")) && hasText(env.get("KLING_SECRET_KEY"));
    }

    private static Map<String, String> simulatorProperties(KlingSimulator simulator) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("camel.component.kling.baseUrl", simulator.baseUrl());
        properties.put("camel.component.kling.accessKey", simulator.accessKey());
        properties.put("camel.component.kling.secretKey", simulator.secretKey());
        if (simulator.apiKey() != null) {
            // the component then sends the API key on both designs; the legacy one accepts it too
            properties.put("camel.component.kling.apiKey", simulator.apiKey());
        }
        return properties;
    }

    /** The {@code camel.component.kling.*} properties that point the component at this backend. */
    public Map<String, String> properties() {
        return properties;
    }

    public Optional<KlingSimulator> simulator() {
        return Optional.ofNullable(simulator);
    }

    /** One line for the console: which backend, never a credential. */
    public String describe() {
        return simulator == null
                ? "the real Kling API (credentials from the environment)"
                : "the embedded Kling simulator at " + simulator.baseUrl()
                  + " (set KLING_ACCESS_KEY/KLING_SECRET_KEY or KLING_API_KEY for the real API)";
    }

    @Override
    public void close() {
        if (ownsSimulator) {
            simulator.close();
        }
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}

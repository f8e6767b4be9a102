package dev.camelkling.component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import dev.camelkling.client.KlingClient;

/**
 * Endpoints that reach the same Kling account the same way share one client: one pair of JDK HttpClients (each with
 * its selector thread) per connection, not per endpoint, which matters with {@code toD} and its endpoint cache.
 * The last endpoint to let go closes it.
 */
final class SharedKlingClients {

    /** What makes two endpoints' clients interchangeable. Holds credentials: never printed. */
    record Key(String baseUrl, String accessKey, String secretKey, String apiKey, Object sslContextParameters,
               long connectTimeout, long requestTimeout, int maxReadAttempts, int maxConcurrentTasks, long detectionTarget,
               long callbackGracePeriod) {

        /** @param callbackGracePeriod the one the endpoint's client applies ({@link KlingEndpoint}, not always the option) */
        static Key of(KlingConfiguration c, Object sslContextParameters, long callbackGracePeriod) {
            return new Key(c.getBaseUrl(), c.getAccessKey(), c.getSecretKey(), c.getApiKey(), sslContextParameters,
                    c.getConnectTimeout(), c.getRequestTimeout(), c.getMaxReadAttempts(), c.getMaxConcurrentTasks(),
                    c.getDetectionTarget(), callbackGracePeriod);
        }

        /** Same Kling account (base URL and credentials), whatever the other settings. */
        boolean sameAccount(Key other) {
            return Objects.equals(baseUrl, other.baseUrl) && Objects.equals(accessKey, other.accessKey)
                   && Objects.equals(secretKey, other.secretKey) && Objects.equals(apiKey, other.apiKey);
        }

        @Override
        public String toString() {
            return "Key[" + baseUrl + "]";
        }
    }

    private static final class Shared {
        final KlingClient client;
        int users;

        Shared(KlingClient client) {
            this.client = client;
        }
    }

    private final Map<Key, Shared> clients = new HashMap<>();

    synchronized KlingClient acquire(Key key, Supplier<KlingClient> factory) {
        Shared shared = clients.computeIfAbsent(key, k -> new Shared(factory.get()));
        shared.users++;
        return shared.client;
    }

    /**
     * The clients of the account {@code key} reaches, whatever their other settings: a callback for a task of that
     * account may concern a wait of any of them.
     */
    synchronized List<KlingClient> ofAccount(Key key) {
        List<KlingClient> of = new ArrayList<>();
        clients.forEach((k, shared) -> {
            if (k.sameAccount(key)) {
                of.add(shared.client);
            }
        });
        return of;
    }

    synchronized void release(Key key) {
        Shared shared = clients.get(key);
        if (shared != null && --shared.users == 0) {
            clients.remove(key);
            shared.client.close();
        }
    }

    synchronized void closeAll() {
        clients.values().forEach(shared -> shared.client.close());
        clients.clear();
    }

    synchronized int size() {
        return clients.size();
    }
}

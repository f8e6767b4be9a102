package dev.camelkling.component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.camelkling.client.auth.KlingAccount;
import dev.camelkling.client.KlingClient;
import dev.camelkling.client.request.KlingFeature;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;

/**
 * One {@link KlingHealthCheck} per account in use, registered in the context's health-check registry when there is one
 * (camel-health present and enabled), discovered the way camel-aws2-s3 finds its repositories: added when the first
 * endpoint of an account starts, removed when the last one stops. Not a producer or consumer check: an account is
 * shared by both, so it goes to the registry itself rather than the producers repository (off by default) or a
 * route's consumer. Endpoints of one account may hold different clients (other timeouts, or a client of the user's own); the
 * check reads through whichever is still in use.
 */
final class AccountHealthChecks {

    private record Registered(KlingHealthCheck check, List<KlingClient> clients) {
    }

    private final Map<KlingAccount, Registered> checks = new HashMap<>();

    synchronized void started(CamelContext context, KlingClient client, KlingFeature feature, boolean enabled,
                              Duration cacheTime, Duration readTimeout) {
        KlingAccount account = client.account();
        Registered registered = checks.get(account);
        if (registered == null) {
            List<KlingClient> clients = new ArrayList<>();
            KlingHealthCheck check = new KlingHealthCheck(uniqueId(account), account, feature, () -> firstOf(clients), cacheTime, readTimeout,
                    Clock.systemUTC());
            check.setCamelContext(context);
            registered = new Registered(check, clients);
            checks.put(account, registered);
            HealthCheckRegistry registry = HealthCheckHelper.getHealthCheckRegistry(context);
            if (registry != null && enabled) {
                registry.register(check);
            }
        }
        registered.clients().add(client);
    }

    synchronized void stopped(CamelContext context, KlingClient client) {
        KlingAccount account = client.account();
        Registered registered = checks.get(account);
        if (registered == null) {
            return;
        }
        registered.clients().remove(client);
        if (registered.clients().isEmpty()) {
            checks.remove(account);
            HealthCheckRegistry registry = HealthCheckHelper.getHealthCheckRegistry(context);
            if (registry != null) {
                registry.unregister(registered.check());
            }
        }
    }

    /** kling-(masked key)@(base URL), with a number added when another account shows the same masked key. */
    private String uniqueId(KlingAccount account) {
        String base = "kling-" + account.maskedId() + "@" + account.baseUrl();
        String id = base;
        for (int n = 2; isTaken(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private boolean isTaken(String id) {
        return checks.values().stream().anyMatch(registered -> registered.check().getId().equals(id));
    }

    /** The check of an account in use, {@code null} if none: for the dev console. */
    synchronized KlingHealthCheck of(KlingAccount account) {
        Registered registered = checks.get(account);
        return registered == null ? null : registered.check();
    }

    private KlingClient firstOf(List<KlingClient> clients) {
        synchronized (this) {
            return clients.isEmpty() ? null : clients.get(0);
        }
    }
}

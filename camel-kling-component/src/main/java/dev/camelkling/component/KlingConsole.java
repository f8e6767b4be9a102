package dev.camelkling.component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.camelkling.client.auth.KlingAccount;
import dev.camelkling.client.KlingClient;
import dev.camelkling.client.KlingClientStats;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonObject;

/**
 * What the kling endpoints are doing: per account in use (named by its masked key), the concurrency slots held, the
 * creates waiting for one and the tasks being waited for; per consumer, its last poll and list position (on the new
 * design also how many tasks it passed are still to emit), or the callbacks it received and rejected. Reads figures only: it never calls Kling and never shows a secret or a URI.
 */
@DevConsole(name = "kling", displayName = "Kling AI", description = "Kling accounts, concurrency and consumers")
public class KlingConsole extends AbstractDevConsole {

    public KlingConsole() {
        super("camel", "kling", "Kling AI", "Kling accounts, concurrency and consumers");
    }

    /** The figures of one account, summed over the clients that reach it. */
    private static final class AccountFigures {
        final KlingAccount account;
        int clients;
        int slotLimit;
        int slotsInUse;
        int createsQueued;
        int waitsInFlight;
        String health = "unknown";
        Object code;

        AccountFigures(KlingAccount account) {
            this.account = account;
        }

        void add(KlingClientStats stats) {
            clients++;
            slotLimit += stats.slotLimit();
            slotsInUse += stats.slotsInUse();
            createsQueued += stats.createsQueued();
            waitsInFlight += stats.waitsInFlight();
        }
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        text.append("Kling accounts:\n");
        for (AccountFigures a : accounts()) {
            text.append(String.format("    %s at %s: clients %d, concurrency slots %d in use %s, creates queued %d,"
                                      + " waits in flight %d, health %s%s%n",
                    a.account.maskedId(), a.account.baseUrl(), a.clients, a.slotsInUse,
                    a.slotLimit == 0 ? "(no limit)" : "of " + a.slotLimit, a.createsQueued, a.waitsInFlight,
                    a.health, a.code == null ? "" : " (Kling code " + a.code + ")"));
        }
        text.append("Kling consumers:\n");
        for (Route route : getCamelContext().getRoutes()) {
            Consumer consumer = route.getConsumer();
            if (consumer instanceof KlingConsumer polling) {
                text.append(String.format("    %s (kling:%s, poll): last poll %s, emitted %d, position %s%s, in flight %d%n",
                        route.getRouteId(), polling.getEndpoint() instanceof KlingEndpoint e ? e.getFeature() : "?",
                        time(polling.getLastPollAt()), polling.getLastPollEmitted(), position(polling),
                        polling.getAwaitedCount() < 0 ? "" : ", awaited " + polling.getAwaitedCount(), polling.getInFlightCount()));
            } else if (consumer instanceof KlingCallbackConsumer callback) {
                text.append(String.format("    %s (kling:%s, callback on %s): callbacks received %d, rejected %d%n",
                        route.getRouteId(), callback.getEndpoint().getFeature(), callback.getServedPath(),
                        callback.getCallbacksReceived(), callback.getCallbacksRejected()));
            }
        }
        return text.toString();
    }

    @Override
    protected JsonObject doCallJson(Map<String, Object> options) {
        List<JsonObject> accounts = new ArrayList<>();
        for (AccountFigures a : accounts()) {
            JsonObject json = new JsonObject();
            json.put("account", a.account.maskedId());
            json.put("baseUrl", a.account.baseUrl());
            json.put("clients", a.clients);
            json.put("concurrencySlotLimit", a.slotLimit);
            json.put("concurrencySlotsInUse", a.slotsInUse);
            json.put("createsQueued", a.createsQueued);
            json.put("waitsInFlight", a.waitsInFlight);
            json.put("health", a.health);
            if (a.code != null) {
                json.put("klingCode", a.code);
            }
            accounts.add(json);
        }
        List<JsonObject> consumers = new ArrayList<>();
        for (Route route : getCamelContext().getRoutes()) {
            Consumer consumer = route.getConsumer();
            JsonObject json = new JsonObject();
            json.put("routeId", route.getRouteId());
            if (consumer instanceof KlingConsumer polling) {
                json.put("feature", ((KlingEndpoint) polling.getEndpoint()).getFeature());
                json.put("mode", "poll");
                json.put("lastPollTimestamp", polling.getLastPollAt());
                json.put("lastPollEmitted", polling.getLastPollEmitted());
                json.put("settledBeforeTimestamp", polling.getSettledBefore() == Long.MIN_VALUE ? null : polling.getSettledBefore());
                json.put("inFlight", polling.getInFlightCount());
                if (polling.getAwaitedCount() >= 0) {
                    json.put("awaited", polling.getAwaitedCount());
                }
            } else if (consumer instanceof KlingCallbackConsumer callback) {
                json.put("feature", callback.getEndpoint().getFeature());
                json.put("mode", "callback");
                json.put("path", callback.getServedPath());
                json.put("callbacksReceived", callback.getCallbacksReceived());
                json.put("callbacksRejected", callback.getCallbacksRejected());
            } else {
                continue;
            }
            consumers.add(json);
        }
        JsonObject root = new JsonObject();
        root.put("accounts", accounts);
        root.put("consumers", consumers);
        return root;
    }

    /** Every started kling endpoint's client once, grouped by account. */
    private List<AccountFigures> accounts() {
        Map<KlingAccount, AccountFigures> byAccount = new LinkedHashMap<>();
        Set<KlingClient> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Endpoint endpoint : getCamelContext().getEndpoints()) {
            if (!(endpoint instanceof KlingEndpoint kling) || kling.getClient() == null || !seen.add(kling.getClient())) {
                continue;
            }
            KlingClient client = kling.getClient();
            AccountFigures figures = byAccount.computeIfAbsent(client.account(), account -> {
                AccountFigures created = new AccountFigures(account);
                KlingHealthCheck check = kling.getComponent().getAccountHealthChecks().of(account);
                KlingHealthCheck.Outcome outcome = check == null ? null : check.lastOutcome();
                if (outcome != null) {
                    created.health = outcome.state().name();
                    created.code = outcome.details().get(KlingHealthCheck.CODE);
                }
                return created;
            });
            figures.add(client.stats());
        }
        return new ArrayList<>(byAccount.values());
    }

    private static String time(long epochMillis) {
        return epochMillis == 0 ? "never" : Instant.ofEpochMilli(epochMillis).toString();
    }

    private static String position(KlingConsumer polling) {
        long position = polling.getSettledBefore();
        boolean newDesign = ((KlingEndpoint) polling.getEndpoint()).usesNewDesign();
        if (position == Long.MIN_VALUE) {
            return newDesign ? "Kling's default window (the last 30 days)" : "start of the list";
        }
        return newDesign ? "next window from " + Instant.ofEpochMilli(position)
                : "tasks created before " + Instant.ofEpochMilli(position) + " settled";
    }
}

package dev.camelkling.simulator.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelkling.simulator.http.Envelope;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON form of a {@link FaultConfig} (admin API, {@code --faults-json}):
 *
 * <pre>{@code
 * {
 *   "seed": 42,
 *   "rules":  [ { "method": "POST", "pathPrefix": "/v1/", "rate": 0.2,
 *                 "faults": ["1302", "5000/after", "reset/after", {"kind": "slow", "timing": "after", "delayMs": 3000}] } ],
 *   "script": [ { "method": "POST", "path": "/v1/videos/text2video", "nth": 3, "fault": "5000/after" } ]
 * }
 * }</pre>
 *
 * Every field is optional. A match is {@code method} (absent or {@code "*"} = any) plus
 * {@code pathPrefix} or {@code path} (exact); neither = every path. {@code faults} holds fault strings
 * ({@link Fault#parse}), {@code "all"} ({@link Fault#all()}) or objects; absent = {@code "all"}.
 * Unknown fields are ignored, so the document {@code GET /__admin/faults} returns can be posted back.
 */
public final class FaultJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FaultJson() {
    }

    public static FaultConfig parse(byte[] json) {
        JsonNode root;
        try {
            root = json.length == 0 ? NODES.objectNode() : Envelope.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("fault configuration is not valid JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        return parse(root);
    }

    public static FaultConfig parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("fault configuration must be a JSON object");
        }
        FaultConfig.Builder config = FaultConfig.builder();
        JsonNode seed = root.get("seed");
        if (seed != null && !seed.isNull()) {
            if (!seed.canConvertToLong() || !seed.isIntegralNumber()) {
                throw new IllegalArgumentException("seed must be an integer");
            }
            config.seed(seed.asLong());
        }
        for (JsonNode rule : array(root, "rules")) {
            config.rule(rule(rule));
        }
        for (JsonNode entry : array(root, "script")) {
            config.script(scripted(entry));
        }
        return config.build();
    }

    private static List<JsonNode> array(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(field + " must be an array");
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    private static FaultRule rule(JsonNode node) {
        requireObject(node, "rules[]");
        JsonNode rate = node.get("rate");
        if (rate == null || !rate.isNumber()) {
            throw new IllegalArgumentException("rules[].rate must be a number in [0, 1]");
        }
        JsonNode faultsNode = node.get("faults");
        List<Fault> faults = new ArrayList<>();
        if (faultsNode == null || faultsNode.isNull()) {
            faults.addAll(Fault.all());
        } else if (faultsNode.isTextual()) {
            for (String token : faultsNode.asText().split(",")) {
                faults.addAll(faults(NODES.textNode(token.trim())));
            }
        } else if (faultsNode.isArray()) {
            faultsNode.forEach(f -> faults.addAll(faults(f)));
        } else {
            throw new IllegalArgumentException("rules[].faults must be an array");
        }
        return new FaultRule(match(node), rate.asDouble(), faults);
    }

    private static ScriptedFault scripted(JsonNode node) {
        requireObject(node, "script[]");
        JsonNode nth = node.get("nth");
        if (nth == null || !nth.isIntegralNumber()) {
            throw new IllegalArgumentException("script[].nth must be an integer >= 1");
        }
        JsonNode fault = node.get("fault");
        if (fault == null) {
            throw new IllegalArgumentException("script[].fault is required");
        }
        List<Fault> faults = faults(fault);
        if (faults.size() != 1) {
            throw new IllegalArgumentException("script[].fault must be one fault");
        }
        return new ScriptedFault(match(node), nth.asInt(), faults.get(0));
    }

    private static FaultMatch match(JsonNode node) {
        String method = text(node, "method");
        String prefix = text(node, "pathPrefix");
        String path = text(node, "path");
        if (prefix != null && path != null) {
            throw new IllegalArgumentException("give either path (exact) or pathPrefix, not both");
        }
        return path != null ? FaultMatch.exact(method, path) : FaultMatch.prefix(method, prefix == null ? "" : prefix);
    }

    private static List<Fault> faults(JsonNode node) {
        if (node.isTextual()) {
            return node.asText().trim().equalsIgnoreCase("all") ? Fault.all() : List.of(Fault.parse(node.asText()));
        }
        requireObject(node, "fault");
        String kind = text(node, "kind");
        if (kind == null) {
            throw new IllegalArgumentException("fault.kind is required");
        }
        String timing = text(node, "timing");
        JsonNode delay = node.get("delayMs");
        if (delay != null && !delay.isIntegralNumber()) {
            throw new IllegalArgumentException("fault.delayMs must be an integer");
        }
        return List.of(new Fault(FaultKind.parse(kind), timing == null ? null : FaultTiming.parse(timing),
                delay == null ? null : Duration.ofMillis(delay.asLong())));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return value.asText();
    }

    private static void requireObject(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " must be a JSON object");
        }
    }

    /** The setup as JSON, script entries with their progress ({@code seen}, {@code fired}). */
    public static ObjectNode render(FaultConfig config, List<FaultInjector.ScriptProgress> progress) {
        ObjectNode root = NODES.objectNode();
        if (config.seed() != null) {
            root.put("seed", config.seed());
        }
        ArrayNode rules = root.putArray("rules");
        for (FaultRule rule : config.rules()) {
            ObjectNode r = match(rule.match());
            r.put("rate", rule.rate());
            ArrayNode faults = r.putArray("faults");
            rule.faults().forEach(f -> faults.add(f.toString()));
            rules.add(r);
        }
        ArrayNode script = root.putArray("script");
        for (FaultInjector.ScriptProgress p : progress) {
            ObjectNode s = match(p.entry().match());
            s.put("nth", p.entry().nth());
            s.put("fault", p.entry().fault().toString());
            s.put("seen", p.seen());
            s.put("fired", p.fired());
            script.add(s);
        }
        return root;
    }

    private static ObjectNode match(FaultMatch match) {
        ObjectNode node = NODES.objectNode();
        node.put("method", match.method() == null ? "*" : match.method());
        node.put(match.prefix() ? "pathPrefix" : "path", match.path());
        return node;
    }

    public static ObjectNode render(FaultStats stats) {
        ObjectNode counters = NODES.objectNode();
        counters.put("requests", stats.requests());
        counters.put("injected", stats.injected());
        ObjectNode byFault = counters.putObject("byFault");
        new TreeMap<>(stats.byFault()).forEach(byFault::put);
        ObjectNode byKind = counters.putObject("byKind");
        new TreeMap<>(stats.byKind()).forEach(byKind::put);
        return counters;
    }

    /** A count per key as a JSON object, keys sorted. */
    public static ObjectNode counts(Map<String, Integer> counts) {
        ObjectNode node = NODES.objectNode();
        new TreeMap<>(counts).forEach(node::put);
        return node;
    }
}

package dev.camelkling.client.transport;

import dev.camelkling.client.task.KlingOutput;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a new-design {@code outputs[]} (kling-api-2026.md §4.1) into {@link KlingOutput}s, in the order given. An entry
 * of a type this client does not know becomes {@link KlingOutput.Other} with its fields, so a vendor addition never
 * fails a task (one DEBUG line tells of it); an entry that is not an object is skipped (there is nothing to keep).
 */
final class OutputsJson {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };
    private static final Logger LOG = LoggerFactory.getLogger(OutputsJson.class);
    private static final int MAX_REPORTED = 100;
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private OutputsJson() {
    }

    static List<KlingOutput> outputs(JsonNode array) {
        List<KlingOutput> outputs = new ArrayList<>();
        array.forEach(item -> {
            if (item.isObject()) {
                outputs.add(output(item));
            }
        });
        return outputs;
    }

    private static KlingOutput output(JsonNode item) {
        String type = text(item, "type");
        return switch (String.valueOf(type)) {
            case "video" -> new KlingOutput.Video(text(item, "id"), text(item, "url"), text(item, "watermark_url"),
                    text(item, "duration"));
            case "image" -> new KlingOutput.Image(text(item, "url"), text(item, "watermark_url"), text(item, "group_id"));
            case "audio" -> new KlingOutput.Audio(text(item, "id"), text(item, "mp3_url"), text(item, "wav_url"),
                    text(item, "mp3_duration"), text(item, "wav_duration"));
            case "voice" -> new KlingOutput.Voice(firstText(item, "voice_id", "id"), fields(item));
            case "element" -> new KlingOutput.Element(firstText(item, "element_id", "id"), fields(item));
            default -> {
                reportUnknown(type);
                yield new KlingOutput.Other(type, fields(item));
            }
        };
    }

    /** One DEBUG line per type (a bounded number of them): the output is kept, but a newer camel-kling may type it. */
    private static void reportUnknown(String type) {
        if (REPORTED.size() < MAX_REPORTED && REPORTED.add(String.valueOf(type))) {
            LOG.debug("Kling output type {} is not known to camel-kling; it is kept as KlingOutput.Other with its fields", type);
        }
    }

    private static String firstText(JsonNode item, String field, String fallback) {
        String value = text(item, field);
        return value != null ? value : text(item, fallback);
    }

    private static String text(JsonNode item, String field) {
        return KlingJson.text(item, field);
    }

    /** Every field as plain Java values (numbers exact: integers as Long/BigInteger, decimals as BigDecimal). */
    private static Map<String, Object> fields(JsonNode item) {
        return KlingJson.MAPPER.convertValue(item, FIELDS);
    }
}

package dev.camelkling.client.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a new-design request: {@code prompt} (text-to-video) or {@code contents[]}, then {@code settings} and
 * {@code options} (kling-api-2026.md §2). The model goes into the path, not the body. Media values stay
 * {@code KlingMedia}, which the JSON writer streams as Base64 or writes as the URL.
 */
final class NewDesignWire {

    private NewDesignWire() {
    }

    static Map<String, Object> toWire(NewDesignProduct product, Map<String, Object> values) {
        Map<String, Object> wire = new LinkedHashMap<>();
        List<Map<String, Object>> contents = new ArrayList<>();
        Object prompt = values.get("prompt");
        if (prompt != null && product.promptOnTop()) {
            wire.put("prompt", prompt);
        } else if (prompt != null) {
            contents.add(item("prompt", "text", prompt, null));
        }
        for (NewDesignProduct.ContentField content : product.contents()) {
            Object value = values.get(content.field());
            if (value != null) {
                contents.addAll(items(content, value));
            }
        }
        if (!contents.isEmpty()) {
            wire.put("contents", contents);
        }
        Map<String, Object> settings = section(NewDesignProduct.SETTINGS, values);
        if (settings.containsKey("duration")) {
            settings.put("duration", Integer.valueOf((String) settings.get("duration")));
        }
        if (!settings.isEmpty()) {
            wire.put("settings", settings);
        }
        Map<String, Object> options = section(NewDesignProduct.OPTIONS, values);
        if (!options.isEmpty()) {
            wire.put("options", options);
        }
        return wire;
    }

    private static Map<String, Object> section(List<String> names, Map<String, Object> values) {
        Map<String, Object> section = new LinkedHashMap<>();
        names.stream().filter(values::containsKey).forEach(name -> section.put(name, values.get(name)));
        return section;
    }

    private static List<Map<String, Object>> items(NewDesignProduct.ContentField content, Object value) {
        if (!(value instanceof Collection<?> list)) {
            return List.of(item(content.type(), "url", value, content.idPrefix() == null ? null : content.idPrefix() + 1));
        }
        List<Map<String, Object>> items = new ArrayList<>();
        int number = 1;
        for (Object entry : list) {
            Map<?, ?> map = (Map<?, ?>) entry;
            String id = content.idPrefix() + number++;
            items.add(switch (content.kind()) {
                case IMAGE_LIST -> item(content.type(), "url", map.get("image"), id);
                case ELEMENTS -> item(content.type(), "element_id", map.get("element_id"), id);
                case VOICES -> item(content.type(), "voice_id", map.get("voice_id"), id);
                case MEDIA, URL -> throw new IllegalStateException(content + " holds one value");
            });
        }
        return items;
    }

    private static Map<String, Object> item(String type, String key, Object value, String id) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", type);
        item.put(key, value);
        if (id != null) {
            item.put("id", id);
        }
        return item;
    }
}

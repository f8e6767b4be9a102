package dev.camelkling.kamelets.generator;

import java.util.List;

/** One endpoint option of the kling component, as its generated metadata (kling.json) describes it. */
record ComponentOption(String name, String displayName, String description, String type, String javaType,
        List<String> enumValues, Object defaultValue, boolean secret) {

    ComponentOption {
        enumValues = List.copyOf(enumValues);
    }

    boolean hasDefault() {
        return defaultValue != null;
    }
}

package dev.camelkling.component;

import java.util.Locale;

/** How a kling consumer learns that tasks finished. */
public enum KlingConsumerMode {
    /** Read the feature's task list on a schedule. */
    poll,
    /** Receive the callbacks Kling POSTs to a task's callback_url, and confirm each by a read. */
    callback;

    /** The URI value, ignoring case and surrounding blanks; any other value is refused naming the option. */
    static KlingConsumerMode fromUri(String value) {
        String mode = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        for (KlingConsumerMode candidate : values()) {
            if (candidate.name().equals(mode)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("consumerMode must be poll or callback (was " + value + ")");
    }
}

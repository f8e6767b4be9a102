package dev.camelkling.component;

import org.apache.camel.Converter;

/**
 * URI text to the component's option types. Without it Camel's generic enum conversion would refuse a bad
 * consumerMode or status with a message that neither names the option nor lists the values.
 */
@Converter(generateLoader = true)
public final class KlingConverters {

    private KlingConverters() {
    }

    @Converter
    public static KlingConsumerMode toConsumerMode(String value) {
        return KlingConsumerMode.fromUri(value);
    }

    /** One element of {@code statuses}; {@link ListOptionValues} splits the list and names the option. */
    @Converter
    public static KlingFinalStatus toFinalStatus(String value) {
        return KlingFinalStatus.fromUri(value);
    }
}

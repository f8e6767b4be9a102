package dev.camelkling.component;

import dev.camelkling.client.error.KlingValidationException;
import org.apache.camel.Message;

/**
 * Reads the headers that steer the producer (operation, paging, lip sync step, ...). Camel's own conversion error
 * names neither the header nor the option it overrides; this one names both, before anything is sent.
 */
final class HeaderValues {

    static final String SUBJECT = "message header";

    private HeaderValues() {
    }

    /** The header converted to {@code type}, or {@code fallback} when it is absent. */
    static <T> T read(Message message, String header, Class<T> type, T fallback, String option) {
        Object value = message.getHeader(header);
        if (value == null) {
            return fallback;
        }
        try {
            return message.getExchange().getContext().getTypeConverter().mandatoryConvertTo(type, message.getExchange(), value);
        } catch (Exception e) {
            throw unconvertible(header, type, value, option, e);
        }
    }

    private static KlingValidationException unconvertible(String header, Class<?> type, Object value, String option,
                                                          Exception cause) {
        String overrides = option == null ? "" : "; it overrides option " + option;
        KlingValidationException error = new KlingValidationException(SUBJECT, header, "cannot be converted to "
                + type.getSimpleName() + " (was \"" + value + "\")" + overrides);
        error.initCause(cause);
        return error;
    }
}

package dev.camelkling.client.auth;

/** Checks on secret values whose failure messages name the setting but never echo the value. */
final class Secrets {

    private Secrets() {
    }

    static String requireNonBlank(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }

    /** Keys shorter than this are shown as {@value #MASK} alone: a few characters of them would be too much. */
    static final int MIN_LENGTH_TO_HINT = 12;
    static final String MASK = "****";
    /** Characters of a key shown beside the mask. */
    static final int HINT = 4;

    /** An identifier such as an access key: its first characters, then the mask. */
    static String maskKeepingStart(String value) {
        return value.length() < MIN_LENGTH_TO_HINT ? MASK : value.substring(0, HINT) + MASK;
    }

    /** A secret such as an API key: the mask, then its last characters, the way consoles show API keys. */
    static String maskKeepingEnd(String value) {
        return value.length() < MIN_LENGTH_TO_HINT ? MASK : MASK + value.substring(value.length() - HINT);
    }
}

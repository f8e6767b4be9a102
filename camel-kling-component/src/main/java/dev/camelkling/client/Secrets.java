package dev.camelkling.client;

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
}

package dev.camelkling.client.media;

/** Checks raw Base64 text without decoding (and so without copying) it. */
public final class Base64Text {

    private Base64Text() {
    }

    /** @return {@code null} if {@code text} is valid standard Base64, else what is wrong with it */
    public static String problem(String text) {
        int end = text.length();
        int padding = 0;
        while (end > 0 && text.charAt(end - 1) == '=' && padding < 2) {
            end--;
            padding++;
        }
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (!alphabet) {
                return Character.isWhitespace(c)
                        ? "whitespace at index " + i
                        : "illegal character at index " + i;
            }
        }
        if (end == 0) {
            return "no data";
        }
        if (padding > 0 ? text.length() % 4 != 0 : end % 4 == 1) {
            return "wrong length " + text.length();
        }
        return null;
    }

    static long decodedLength(String validBase64) {
        int padding = 0;
        for (int i = validBase64.length() - 1; i >= 0 && validBase64.charAt(i) == '='; i--) {
            padding++;
        }
        long chars = validBase64.length() - padding;
        return chars * 3 / 4;
    }
}

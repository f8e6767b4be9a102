package dev.camelkling.component;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Undoes the second encoding Camel gives an endpoint URI's values when it drops an unset optional placeholder
 * ({@code {{?name}}}): Camel 4.18's {@code EndpointHelper} then parses the query without percent-decoding it and
 * writes it back encoded, so a value that was already encoded (the YAML DSL encodes the literal values of
 * {@code parameters:}; a Kamelet's template receives its properties the same way) reaches the component as
 * {@code http%3A%2F%2Fhost}. Every Camel component meets this; this one repairs the values where that cannot guess
 * wrong: a URL option whose value becomes an http(s) URL only once decoded, and a directory whose separators are all
 * still escaped. Free text and secrets cannot be told from what the user wrote; for them Camel's {@code RAW(...)} is
 * the remedy (docs/kling-component.md, "Options in YAML routes and Kamelets").
 */
final class DoublyEncodedUriValues {

    private static final Logger LOG = LoggerFactory.getLogger(DoublyEncodedUriValues.class);

    /** Options that hold a URL (or, for the media ones, a URL or raw Base64, which never contains a '%'). */
    private static final Set<String> URL_OPTIONS = Set.of(
            "baseUrl", "callbackUrl", "callbackBaseUrl", "image", "imageTail", "staticMask", "videoUrl", "imageUrl",
            "soundFile");
    /** Options that hold a file system or URL path. */
    private static final Set<String> PATH_OPTIONS = Set.of("downloadDirectory", "callbackPath");
    private static final Pattern ESCAPE = Pattern.compile("%[0-9A-Fa-f]{2}");
    private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://.+");

    private DoublyEncodedUriValues() {
    }

    /** Repairs, in place, the values of {@code parameters} that Camel encoded twice. */
    static void repair(Map<String, Object> parameters) {
        parameters.replaceAll((name, value) -> value instanceof String text ? repaired(name, text) : value);
    }

    static String repaired(String option, String value) {
        if (!ESCAPE.matcher(value).find()) {
            return value;
        }
        String decoded = percentDecode(value);
        boolean doubly = URL_OPTIONS.contains(option) && !HTTP_URL.matcher(value).matches() && HTTP_URL.matcher(decoded).matches()
                         || PATH_OPTIONS.contains(option) && value.indexOf('/') < 0 && value.indexOf('\\') < 0
                            && (decoded.indexOf('/') >= 0 || decoded.indexOf('\\') >= 0);
        if (!doubly) {
            return value;
        }
        LOG.debug("Option {} arrived percent-encoded twice (an unset optional placeholder in its URI); decoded once more",
                option);
        return decoded;
    }

    /** Percent-decoding only: a '+' stays a '+' (URLDecoder alone would turn it into a space). */
    private static String percentDecode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}

package dev.camelkling.component;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The URI a kling endpoint is known by, with the value of every secret option (accessKey, secretKey, apiKey,
 * webhookSecret: whatever the generated URI factory lists; names match regardless of case, as Camel binds them)
 * replaced by {@code xxxxxx-} and a fingerprint. Camel shows an endpoint's URI in route dumps, JMX, dev consoles and
 * error messages, and sanitises only some of those places.
 *
 * <p>The fingerprint keeps endpoints for different keys apart (Camel keys caches, and this component each endpoint's
 * exchange properties, by this URI) without revealing anything: it is an HMAC under a key made at random for this
 * JVM, so it tells two values apart within one run and means nothing outside it.
 */
final class MaskedEndpointUri {

    static final String MASK = "xxxxxx";
    private static final byte[] FINGERPRINT_KEY = randomKey();

    private MaskedEndpointUri() {
    }

    static String of(String uri, Set<String> secretOptions) {
        if (secretOptions.isEmpty()) {
            return uri;
        }
        // a value runs to the next '&', unless it is written RAW(...) or RAW{...}, which may contain '&'
        Pattern secret = Pattern.compile("([?&](?:" + String.join("|", secretOptions.stream().map(Pattern::quote).toList())
                                         + ")=)(RAW\\([^)]*\\)|RAW\\{[^}]*\\}|[^&]*)", Pattern.CASE_INSENSITIVE);
        Matcher m = secret.matcher(uri);
        StringBuilder masked = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(masked, Matcher.quoteReplacement(m.group(1) + MASK + "-" + fingerprint(m.group(2))));
        }
        m.appendTail(masked);
        return masked.toString();
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static String fingerprint(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(FINGERPRINT_KEY, "HmacSHA256"));
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

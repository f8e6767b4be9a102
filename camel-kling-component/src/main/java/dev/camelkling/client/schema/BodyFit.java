package dev.camelkling.client.schema;

import dev.camelkling.client.media.Base64Text;
import dev.camelkling.client.media.KlingMedia;

import java.io.File;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which plain message bodies fit a {@link FieldType}, judged by Java type (and, for text meant as media, by shape)
 * without reading streams. Used to route a body to the first of a feature's natural input fields that takes it.
 */
final class BodyFit {

    private static final Pattern ID_LIST = Pattern.compile("\\s*\\d+(\\s*,\\s*\\d+)*\\s*");

    private BodyFit() {
    }

    static boolean text(Object body) {
        return body instanceof CharSequence || body instanceof Character || body instanceof char[] || body instanceof Reader;
    }

    static boolean numberOrText(Object body) {
        return body instanceof Number || body instanceof CharSequence;
    }

    static boolean booleanOrText(Object body) {
        return body instanceof Boolean || body instanceof CharSequence;
    }

    static boolean cameraControl(Object body) {
        return body instanceof CameraControl || body instanceof CharSequence || body instanceof Map<?, ?>;
    }

    /**
     * Local content, a URL, or text that is an http(s) URL or raw Base64. A {@code data:} URI also fits, so that the
     * media conversion can reject it with its precise message instead of the body being taken for something else.
     */
    static boolean media(Object body) {
        if (body instanceof KlingMedia || body instanceof byte[] || body instanceof File || body instanceof Path
                || body instanceof InputStream || body instanceof URI || body instanceof URL) {
            return true;
        }
        if (body instanceof CharSequence chars) {
            String text = chars.toString().strip();
            String lower = text.toLowerCase(Locale.ROOT);
            return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("data:")
                    || (!text.isEmpty() && Base64Text.problem(text) == null);
        }
        return false;
    }

    /** A collection or object array (not a {@code byte[]}: that is one image) whose items are all media or {image} maps. */
    static boolean mediaList(Object body) {
        if (!isListLike(body)) {
            return false;
        }
        for (Object item : LooseValues.items(body)) {
            Object media = item instanceof Map<?, ?> map ? map.get("image") : item;
            if (media == null || !media(media)) {
                return false;
            }
        }
        return true;
    }

    static boolean idList(Object body) {
        if (body instanceof long[] || body instanceof int[]) {
            return true;
        }
        if (body instanceof CharSequence text) {
            return ID_LIST.matcher(text).matches();
        }
        if (!isListLike(body)) {
            return false;
        }
        for (Object item : LooseValues.items(body)) {
            Object id = item instanceof Map<?, ?> map ? map.get("element_id") : item;
            if (!(id instanceof Number) && !(id instanceof CharSequence text && ID_LIST.matcher(text).matches())) {
                return false;
            }
        }
        return true;
    }

    static boolean list(Object body) {
        return isListLike(body);
    }

    static boolean listOrText(Object body) {
        return isListLike(body) || body instanceof CharSequence;
    }

    private static boolean isListLike(Object body) {
        return body instanceof Collection<?>
                || (body.getClass().isArray() && !body.getClass().getComponentType().isPrimitive());
    }
}

package dev.camelkling.simulator.product;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelkling.simulator.http.ApiException;
import dev.camelkling.simulator.media.Preview;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads image fields given as an http(s) URL or raw Base64 (§2.3) and applies the general image
 * limits: jpg/png, ≤ 10 MB, both sides ≥ 300 px, aspect ratio between 1:2.5 and 2.5:1.
 */
final class ImageInputs {
    /** The real service's exact message for a {@code data:} URI or broken Base64. */
    static final String NOT_BASE64 = "File is not in a valid base64 format";
    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MIN_SIDE = 300;
    static final double MAX_RATIO = 2.5;
    private static final int PREVIEW_LONG_SIDE = 480;
    private static final Set<String> FORMATS = Set.of("png", "jpeg", "jpg");

    static final int MAX_CHARACTER_SIDE = 65536;

    /**
     * How strictly to check: full limits for pictures, format only for motion-brush masks, and for
     * the motion-control character image its own limits (sides 300–65536 px, no aspect-ratio rule).
     */
    enum Rules {
        PICTURE(MAX_BYTES), MASK(MAX_BYTES), CHARACTER(MAX_BYTES),
        /** A picture on the 2026 new design: the same limits, but up to 50 MB (kling-api-2026.md §2.2). */
        PICTURE_2026(50 * 1024 * 1024);

        private final int maxBytes;

        Rules(int maxBytes) {
            this.maxBytes = maxBytes;
        }
    }

    private ImageInputs() {
    }

    static ImageInput read(String field, String value, ValidationContext context, Rules rules) {
        if (value.regionMatches(true, 0, "http://", 0, 7) || value.regionMatches(true, 0, "https://", 0, 8)) {
            CommonFields.requireHttpUrl(field, value);
            var own = context.ownImage(value);
            if (own.isPresent()) {
                return decode(field, value, own.get(), rules);
            }
            String failure = context.isOwnUrl(value) ? "Failed to download " + field + " from " + value : null;
            return new ImageInput(value, 0, 0, null, failure);
        }
        // the legacy design answers the real service's exact message; the new design names the field as well
        String notBase64 = rules == Rules.PICTURE_2026 ? field + ": " + NOT_BASE64 : NOT_BASE64;
        if (value.regionMatches(true, 0, "data:", 0, 5)) {
            throw ApiException.invalidParameter(notBase64);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter(notBase64);
        }
        if (bytes.length == 0) {
            throw ApiException.invalidParameter(notBase64);
        }
        return decode(field, null, bytes, rules);
    }

    private static ImageInput decode(String field, String url, byte[] bytes, Rules rules) {
        if (bytes.length > rules.maxBytes) {
            throw ApiException.invalidParameter(field + " must be at most " + rules.maxBytes / (1024 * 1024) + "MB");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw ApiException.invalidParameter(field + " must be a jpg/jpeg or png image");
            }
            ImageReader reader = readers.next();
            try {
                if (!FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                    throw ApiException.invalidParameter(field + " must be a jpg/jpeg or png image");
                }
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (rules == Rules.PICTURE || rules == Rules.PICTURE_2026) {
                    checkPictureLimits(field, width, height);
                } else if (rules == Rules.CHARACTER) {
                    checkCharacterLimits(field, width, height);
                }
                return new ImageInput(url, width, height, Preview.of(subsampled(reader, width, height)), null);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ApiException.invalidParameter(field + " could not be read as a jpg/jpeg or png image");
        }
    }

    private static void checkCharacterLimits(String field, int width, int height) {
        if (width < MIN_SIDE || height < MIN_SIDE || width > MAX_CHARACTER_SIDE || height > MAX_CHARACTER_SIDE) {
            throw ApiException.invalidParameter(field + " width and height must be between " + MIN_SIDE + " and "
                    + MAX_CHARACTER_SIDE + "px (got " + width + "x" + height + ")");
        }
    }

    /**
     * An {@code image_list}: items {@code {"image": "..."}} or, leniently, bare strings. Counts are the
     * caller's business.
     */
    static List<ImageInput> readList(RequestFields fields, String name, ValidationContext context, Rules rules) {
        JsonNode list = fields.array(name);
        List<ImageInput> images = new ArrayList<>();
        if (list == null) {
            return images;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String path = name + "[" + i + "]";
            String value;
            if (item != null && item.isTextual()) {
                value = item.asText();
            } else if (item != null && item.isObject()) {
                path = path + ".image";
                value = RequestFields.string(path, item.get("image"));
            } else {
                throw ApiException.invalidParameter(path + " must be an object {image}");
            }
            if (value == null || value.isEmpty()) {
                throw ApiException.invalidParameter(path + " is required");
            }
            images.add(read(path, value, context, rules));
        }
        return images;
    }

    /** The first asynchronous download failure among the images, or {@code null}. */
    static String downloadFailure(List<ImageInput> images) {
        return images.stream().map(ImageInput::downloadFailure).filter(f -> f != null).findFirst().orElse(null);
    }

    /** Previews of the images whose pixels are known. */
    static List<Preview> previews(List<ImageInput> images) {
        List<Preview> previews = new ArrayList<>();
        for (ImageInput image : images) {
            if (image != null && image.preview() != null) {
                previews.add(image.preview());
            }
        }
        return previews;
    }

    private static void checkPictureLimits(String field, int width, int height) {
        if (width < MIN_SIDE || height < MIN_SIDE) {
            throw ApiException.invalidParameter(field + " width and height must be at least " + MIN_SIDE
                    + "px (got " + width + "x" + height + ")");
        }
        double ratio = (double) width / height;
        if (ratio > MAX_RATIO || ratio < 1 / MAX_RATIO) {
            throw ApiException.invalidParameter(field + " aspect ratio must be between 1:2.5 and 2.5:1 (got "
                    + width + "x" + height + ")");
        }
    }

    private static BufferedImage subsampled(ImageReader reader, int width, int height) throws IOException {
        int step = Math.max(1, Math.max(width, height) / PREVIEW_LONG_SIDE);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        return reader.read(0, param);
    }
}

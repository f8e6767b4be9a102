package dev.camelkling.client;

import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.schema.FieldSpec;
import dev.camelkling.client.schema.FieldType;
import dev.camelkling.client.schema.Violation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Content that is no image or audio at all, given locally for any media field of any feature and in any local form,
 * is refused locally: the format must be recognised, not just be not a wrong one. Driven by the schemas, so a new
 * media field is covered without touching this test.
 */
class UnrecognisedMediaTest {

    private static final byte[] NOT_MEDIA = "%PDF-1.4 a document, not a picture nor a sound".getBytes(StandardCharsets.UTF_8);
    private static final Set<FieldType> MEDIA_TYPES = Set.of(FieldType.MEDIA, FieldType.IMAGE_LIST, FieldType.DYNAMIC_MASKS);

    @TempDir
    static Path dir;

    /** The local forms the docs promise a check for: bytes, a File, a Path, an InputStream and Base64 text. */
    private static final Map<String, Function<byte[], Object>> FORMS = Map.of(
            "bytes", bytes -> bytes,
            "File", bytes -> write(bytes).toFile(),
            "Path", UnrecognisedMediaTest::write,
            "InputStream", ByteArrayInputStream::new,
            "Base64", bytes -> Base64.getEncoder().encodeToString(bytes));

    static Stream<Arguments> everyMediaFieldInEveryLocalForm() {
        List<Arguments> cases = new ArrayList<>();
        for (KlingFeature feature : KlingFeature.values()) {
            for (FieldSpec field : feature.schema().fields()) {
                if (MEDIA_TYPES.contains(field.type())) {
                    FORMS.forEach((form, make) -> cases.add(arguments(feature, field, form, make)));
                }
            }
        }
        assertThat(cases).hasSizeGreaterThanOrEqualTo(9 * FORMS.size()); // 8 image fields and 1 audio field today
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @MethodSource("everyMediaFieldInEveryLocalForm")
    void contentOfNoKnownFormatIsRefused(KlingFeature feature, FieldSpec field, String form, Function<byte[], Object> make) {
        Object value = shaped(field, make.apply(NOT_MEDIA));

        KlingRequest request = KlingRequest.of(feature, Map.of(field.name(), value));
        Optional<Violation> violation = field.check(request.field(field.name()));

        assertThat(violation).as("%s %s given as %s", feature.uriName(), field.name(), form).isPresent();
        assertThat(violation.get().field()).startsWith(field.name());
        assertThat(violation.get().rule()).contains("format not recognised");
    }

    /** One item of the field's shape holding {@code media}: the media itself, a one-item list, or one dynamic mask. */
    private static Object shaped(FieldSpec field, Object media) {
        return switch (field.type()) {
            case IMAGE_LIST -> List.of(media);
            case DYNAMIC_MASKS -> List.of(Map.of("mask", media, "trajectories", List.of(List.of(1, 2), List.of(3, 4))));
            default -> media;
        };
    }

    private static Path write(byte[] bytes) {
        try {
            return Files.write(Files.createTempFile(dir, "not-media", ".bin"), bytes);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

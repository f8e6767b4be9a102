package dev.camelkling.client;

import dev.camelkling.client.error.KlingException;
import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.client.media.KlingMedia;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.request.KlingRequests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KlingMediaTest {

    private static final byte[] CONTENT = "some image bytes, pretend".getBytes(StandardCharsets.UTF_8);
    private static final String CONTENT_BASE64 = Base64.getEncoder().encodeToString(CONTENT);

    @ParameterizedTest
    @ValueSource(strings = {"data:image/png;base64,iVBORw0KGgo=", "DATA:image/jpeg;base64,/9j/4AAQ"})
    void dataUriPrefixIsRejectedNamingTheRule(String value) {
        assertThatThrownBy(() -> KlingMedia.fromString(value))
                .isInstanceOfSatisfying(KlingValidationException.class, e -> {
                    assertThat(e.rule()).contains("without a data: URI prefix");
                    assertThat(e.getMessage()).doesNotContain("iVBORw0KGgo").doesNotContain("/9j/4AAQ");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "abc de===", "abcde", "YWJj\nZGVm", "=", "/tmp/picture.png"})
    void invalidBase64IsRejected(String value) {
        assertThatThrownBy(() -> KlingMedia.fromString(value))
                .isInstanceOfSatisfying(KlingValidationException.class, e -> assertThat(e.rule()).startsWith("must be valid Base64"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"YWJj", "YWI=", "YQ==", "YQ", "+/+/"})
    void validBase64IsAccepted(String value) {
        KlingMedia media = KlingMedia.fromString(value);
        assertThat(media.isUrl()).isFalse();
        assertThat(media.wireValue()).isEqualTo(value);
    }

    @Test
    void urlsAreRecognised() {
        KlingMedia media = KlingMedia.fromString("https://cdn.example.com/a.png");
        assertThat(media.isUrl()).isTrue();
        assertThat(media.sizeBytes()).isEmpty();
        assertThatThrownBy(() -> KlingMedia.url("ftp://example.com/a.png")).isInstanceOf(KlingValidationException.class);
    }

    @Test
    void localContentIsEncodedAsRawBase64(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("in.bin"), CONTENT);

        assertThat(KlingMedia.of(CONTENT).wireValue()).isEqualTo(CONTENT_BASE64);
        assertThat(KlingMedia.of(file).wireValue()).isEqualTo(CONTENT_BASE64);
        assertThat(KlingMedia.of(file.toFile()).wireValue()).isEqualTo(CONTENT_BASE64);
        assertThat(KlingMedia.of(new ByteArrayInputStream(CONTENT)).wireValue()).isEqualTo(CONTENT_BASE64);
        assertThat(KlingMedia.base64(CONTENT_BASE64).wireValue()).isEqualTo(CONTENT_BASE64);
    }

    @Test
    void sizeIsKnownForLocalContent(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("in.bin"), CONTENT);

        assertThat(KlingMedia.of(CONTENT).sizeBytes()).hasValue(CONTENT.length);
        assertThat(KlingMedia.of(file).sizeBytes()).hasValue(CONTENT.length);
        assertThat(KlingMedia.base64(CONTENT_BASE64).sizeBytes()).hasValue(CONTENT.length);
        assertThat(KlingMedia.base64("YQ==").sizeBytes()).hasValue(1);
        assertThat(KlingMedia.base64("YWI").sizeBytes()).hasValue(2);
    }

    @Test
    void toStringShowsKindAndSizeButNeverContent(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("photo.png"), CONTENT);

        assertThat(KlingMedia.base64(CONTENT_BASE64).toString()).isEqualTo("KlingMedia[base64, " + CONTENT.length + " bytes]");
        assertThat(KlingMedia.of(CONTENT).toString()).isEqualTo("KlingMedia[bytes, " + CONTENT.length + " bytes]");
        assertThat(KlingMedia.of(file).toString()).isEqualTo("KlingMedia[file photo.png, " + CONTENT.length + " bytes]");
        assertThat(KlingMedia.url("https://cdn.example.com/a.png?token=s3cr3t").toString())
                .isEqualTo("KlingMedia[url https://cdn.example.com/a.png?…]");
        KlingRequest request = KlingRequests.image2video().image(KlingMedia.base64(CONTENT_BASE64)).build();
        assertThat(request.toString()).doesNotContain(CONTENT_BASE64).contains("KlingMedia[base64");
    }

    @Test
    void missingFileIsRejected(@TempDir Path dir) {
        assertThatThrownBy(() -> KlingMedia.of(dir.resolve("nope.png")))
                .isInstanceOfSatisfying(KlingValidationException.class, e -> assertThat(e.rule()).contains("readable file"));
    }

    @Test
    void unreadableStreamIsAKlingException() {
        java.io.InputStream broken = new java.io.InputStream() {
            @Override
            public int read() throws java.io.IOException {
                throw new java.io.IOException("disk on fire");
            }
        };
        assertThatThrownBy(() -> KlingMedia.of(broken)).isInstanceOf(KlingException.class).hasMessageContaining("disk on fire");
    }
}

package dev.camelkling.component;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DoublyEncodedUriValuesTest {

    @Test
    void urlOptionsThatBecomeUrlsOnlyOnceDecodedAreDecoded() {
        assertThat(DoublyEncodedUriValues.repaired("baseUrl", "http%3A%2F%2F127.0.0.1%3A8089")).isEqualTo("http://127.0.0.1:8089");
        assertThat(DoublyEncodedUriValues.repaired("callbackUrl", "https%3A%2F%2Fexample.com%2Fhook%3Fa%3Db%2Bc"))
                .isEqualTo("https://example.com/hook?a=b+c");
        assertThat(DoublyEncodedUriValues.repaired("image", "https%3A%2F%2Fcdn.example.com%2Fa.png")).isEqualTo("https://cdn.example.com/a.png");
    }

    @Test
    void valuesThatAreValidAsTheyAreStayAsTheyAre() {
        assertThat(DoublyEncodedUriValues.repaired("baseUrl", "https://example.com/a%20b")).isEqualTo("https://example.com/a%20b");
        assertThat(DoublyEncodedUriValues.repaired("image", "iVBORw0KGgo+/=")).isEqualTo("iVBORw0KGgo+/=");
        assertThat(DoublyEncodedUriValues.repaired("downloadDirectory", "/data/50%25 off")).isEqualTo("/data/50%25 off");
    }

    @Test
    void aPathWhoseSeparatorsAreAllEscapedIsDecoded() {
        assertThat(DoublyEncodedUriValues.repaired("downloadDirectory", "%2Ftmp%2Fkling out")).isEqualTo("/tmp/kling out");
        assertThat(DoublyEncodedUriValues.repaired("callbackPath", "%2Fkling%2Fcallback")).isEqualTo("/kling/callback");
        assertThat(DoublyEncodedUriValues.repaired("callbackBaseUrl", "https%3A%2F%2Fapp.example.com"))
                .isEqualTo("https://app.example.com");
    }

    @Test
    void freeTextAndSecretsAreNeverTouched() {
        assertThat(DoublyEncodedUriValues.repaired("prompt", "http%3A%2F%2Fnot-a-url")).isEqualTo("http%3A%2F%2Fnot-a-url");
        assertThat(DoublyEncodedUriValues.repaired("secretKey", "a%2Bb%26c%25d")).isEqualTo("a%2Bb%26c%25d");
    }
}

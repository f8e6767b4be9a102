package dev.camelkling.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ErrorClassificationTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final ResponseClassifier CLASSIFIER = new ResponseClassifier(Clock.fixed(NOW, ZoneOffset.UTC));
    private static final Set<Integer> RETRYABLE_CODES = Set.of(1302, 1303, 5000, 5001, 5002);

    private static HttpHeaders headers(Map<String, String> values) {
        return HttpHeaders.of(values.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))), (a, b) -> true);
    }

    private static KlingApiException classify(int status, String body, Map<String, String> headers) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() ->
                CLASSIFIER.envelopeOrThrow("POST /v1/videos/text2video", status, headers(headers), body.getBytes(StandardCharsets.UTF_8)));
        assertThat(thrown).isInstanceOf(KlingApiException.class);
        return (KlingApiException) thrown;
    }

    @ParameterizedTest
    @EnumSource(value = KlingErrorCode.class, mode = EnumSource.Mode.EXCLUDE, names = "UNKNOWN")
    void everyDocumentedCodeIsClassified(KlingErrorCode code) {
        KlingApiException e = classify(code.httpStatus(), StubKlingServer.error(code.code(), "reason " + code.code()), Map.of());

        assertThat(e.code()).isEqualTo(code.code());
        assertThat(e.errorCode()).isEqualTo(code);
        assertThat(e.httpStatus()).isEqualTo(code.httpStatus());
        assertThat(e.klingMessage()).isEqualTo("reason " + code.code());
        assertThat(e.requestId()).isEqualTo("req-" + code.code());
        assertThat(e.isRetryable()).isEqualTo(RETRYABLE_CODES.contains(code.code()));
        assertThat(e.mayHaveTakenEffect()).isEqualTo(code.httpStatus() >= 500);
        assertThat(e.getMessage()).isEqualTo("Kling API error " + code.code() + " (HTTP " + code.httpStatus()
                + ") on POST /v1/videos/text2video: reason " + code.code() + " [request_id=req-" + code.code() + "]");
    }

    @Test
    void onlyTokenWindowCodesAreFixedByResigning() {
        assertThat(List.of(KlingErrorCode.values())).filteredOn(KlingErrorCode::isFixedByResigning)
                .containsExactlyInAnyOrder(KlingErrorCode.TOKEN_NOT_YET_VALID, KlingErrorCode.TOKEN_EXPIRED);
        assertThat(KlingErrorCode.fromCode(1004)).isEqualTo(KlingErrorCode.TOKEN_EXPIRED);
        assertThat(KlingErrorCode.fromCode(4242)).isEqualTo(KlingErrorCode.UNKNOWN);
    }

    @Test
    void unknownCodeIsNotRetryable() {
        KlingApiException e = classify(429, StubKlingServer.error(1999, "new limit"), Map.of());
        assertThat(e.errorCode()).isEqualTo(KlingErrorCode.UNKNOWN);
        assertThat(e.code()).isEqualTo(1999);
        assertThat(e.isRetryable()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 502, 503, 504})
    void bareTransientStatusIsRetryable(int status) {
        KlingApiException e = classify(status, "<html>busy</html>", Map.of());
        assertThat(e.code()).isZero();
        assertThat(e.errorCode()).isEqualTo(KlingErrorCode.UNKNOWN);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getMessage()).contains("HTTP " + status);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 404, 500})
    void otherBareStatusIsNotRetryable(int status) {
        KlingApiException e = classify(status, "404 page not found", Map.of());
        assertThat(e.code()).isZero();
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void successWithoutEnvelopeIsAnError() {
        KlingApiException e = classify(200, "<html>captive portal</html>", Map.of());
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.klingMessage()).isEqualTo("response is not a Kling JSON envelope");
    }

    @Test
    void successEnvelopeIsReturned() {
        Envelope envelope = CLASSIFIER.envelopeOrThrow("GET /x", 200, headers(Map.of()),
                StubKlingServer.envelope(StubKlingServer.task("succeed")).getBytes(StandardCharsets.UTF_8));
        assertThat(envelope.data().path("task_status").asText()).isEqualTo("succeed");
    }

    @Test
    void retryAfterIsCarried() {
        assertThat(classify(429, StubKlingServer.error(1302, "slow down"), Map.of("Retry-After", "7")).retryAfter())
                .contains(Duration.ofSeconds(7));
        assertThat(classify(503, "", Map.of("Retry-After", "Sun, 01 Jun 2025 12:00:30 GMT")).retryAfter())
                .contains(Duration.ofSeconds(30));
        assertThat(classify(503, "", Map.of()).retryAfter()).isEmpty();
    }

    @Test
    void retryAfterParsing() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        assertThat(RetryAfter.parse("120", clock)).contains(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse(" 0 ", clock)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("Sun, 01 Jun 2025 12:01:00 GMT", clock)).contains(Duration.ofMinutes(1));
        assertThat(RetryAfter.parse("Sun, 01 Jun 2025 11:00:00 GMT", clock)).contains(Duration.ZERO); // in the past
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
        assertThat(RetryAfter.parse("-5", clock)).isEmpty();
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999999", clock)).isEmpty();
    }

    @Test
    void validationMessageFormat() {
        KlingValidationException e = KlingValidationException.forRequest(KlingFeature.TEXT2VIDEO, "prompt", "must be at most 2500 characters (was 2501)");
        assertThat(e.getMessage()).isEqualTo("text2video request invalid: prompt must be at most 2500 characters (was 2501)");
        assertThatThrownBy(() -> { throw e; }).isInstanceOf(KlingException.class);
    }
}

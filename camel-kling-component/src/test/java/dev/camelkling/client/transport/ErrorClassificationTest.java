package dev.camelkling.client.transport;

import dev.camelkling.client.StubKlingServer;
import dev.camelkling.client.callback.CallbackBody;
import dev.camelkling.client.error.KlingApiException;
import dev.camelkling.client.error.KlingErrorCode;
import dev.camelkling.client.error.KlingException;
import dev.camelkling.client.error.KlingTransportException;
import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskFailedException;
import dev.camelkling.client.transport.Envelope;
import dev.camelkling.client.transport.ResponseClassifier;
import dev.camelkling.client.transport.RetryAfter;
import dev.camelkling.client.transport.TransportErrors;

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

    /** The error of a read (idempotent, may be repeated). */
    private static KlingApiException classify(int status, String body, Map<String, String> headers) {
        return classify("GET /v1/videos/text2video/1", true, status, body, headers);
    }

    /** The error of a create (not idempotent: a 5xx may have created the task). */
    private static KlingApiException classifyCreate(int status, String body) {
        return classify("POST /v1/videos/text2video", false, status, body, Map.of());
    }

    private static KlingApiException classify(String operation, boolean idempotent, int status, String body, Map<String, String> headers) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() ->
                CLASSIFIER.envelopeOrThrow(operation, idempotent, status, headers(headers), body.getBytes(StandardCharsets.UTF_8)));
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
        assertThat(e.isRetryable()).as("retryable on a read").isEqualTo(RETRYABLE_CODES.contains(code.code()));
        assertThat(e.mayHaveTakenEffect()).isEqualTo(code.httpStatus() >= 500);
        assertThat(e.getMessage()).isEqualTo("Kling API error " + code.code() + " (HTTP " + code.httpStatus()
                + ") on GET /v1/videos/text2video/1: reason " + code.code() + " [request_id=req-" + code.code() + "]");
    }

    @ParameterizedTest
    @EnumSource(value = KlingErrorCode.class, mode = EnumSource.Mode.EXCLUDE, names = "UNKNOWN")
    void onACreateOnlyErrorsThatCertainlyCreatedNothingAreRetryable(KlingErrorCode code) {
        KlingApiException e = classifyCreate(code.httpStatus(), StubKlingServer.error(code.code(), "reason"));

        assertThat(e.isRetryable()).isEqualTo(RETRYABLE_CODES.contains(code.code()) && code.httpStatus() < 500);
        assertThat(e.isRetryable() && e.mayHaveTakenEffect()).as("retryable yet ambiguous").isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {5000, 5001, 5002})
    void serverErrorOnACreateIsAmbiguousNotRetryable(int code) {
        KlingErrorCode known = KlingErrorCode.fromCode(code);
        KlingApiException create = classifyCreate(known.httpStatus(), StubKlingServer.error(code, "internal"));
        KlingApiException read = classify(known.httpStatus(), StubKlingServer.error(code, "internal"), Map.of());

        assertThat(create.isRetryable()).isFalse();
        assertThat(create.mayHaveTakenEffect()).isTrue();
        assertThat(read.isRetryable()).isTrue();
        assertThat(known.isRetryable()).as("the code itself stays transient").isTrue();
    }

    @Test
    void serverErrorCodeWithoutA5xxStatusIsStillAmbiguousOnACreate() {
        KlingApiException e = classifyCreate(200, StubKlingServer.error(5001, "busy"));

        assertThat(e.mayHaveTakenEffect()).isTrue();
        assertThat(e.isRetryable()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {502, 503, 504})
    void bare5xxOnACreateIsAmbiguousNotRetryable(int status) {
        KlingApiException e = classifyCreate(status, "<html>bad gateway</html>");

        assertThat(e.isRetryable()).isFalse();
        assertThat(e.mayHaveTakenEffect()).isTrue();
    }

    @Test
    void rateLimitsOnACreateAreRetryableBecauseNothingWasCreated() {
        assertThat(classifyCreate(429, StubKlingServer.error(1302, "too fast")).isRetryable()).isTrue();
        assertThat(classifyCreate(429, StubKlingServer.error(1303, "too many")).isRetryable()).isTrue();
        assertThat(classifyCreate(429, "<html>slow down</html>").isRetryable()).isTrue();
    }

    @Test
    void everyKlingExceptionAnswersIsRetryable() {
        KlingException plain = new KlingException("Kling client is closed");
        KlingException validation = KlingFeature.TEXT2VIDEO.invalid("prompt", "is required");
        KlingException failedTask = new KlingTaskFailedException(CallbackBody.task("{\"task_id\":\"1\",\"task_status\":\"failed\"}"));

        assertThat(List.of(plain, validation, failedTask)).noneMatch(KlingException::isRetryable);
        assertThat(new KlingTransportException("refused", null, false).isRetryable()).as("connect failure").isTrue();
        assertThat(new KlingTransportException("timeout", null, true).isRetryable()).as("timeout after sending").isFalse();
    }

    @Test
    void transportFailureIsRetryableWhenNothingWasSentOrTheCallIsARead() {
        Throwable refused = new java.net.ConnectException("Connection refused");
        Throwable timeout = new java.net.http.HttpTimeoutException("request timed out");
        Throwable reset = new java.io.IOException("Connection reset");

        KlingTransportException refusedCreate = (KlingTransportException) TransportErrors.classify("POST /x", false, refused);
        KlingTransportException timedOutCreate = (KlingTransportException) TransportErrors.classify("POST /x", false, timeout);
        KlingTransportException resetCreate = (KlingTransportException) TransportErrors.classify("POST /x", false, reset);
        KlingTransportException timedOutRead = (KlingTransportException) TransportErrors.classify("GET /x", true, timeout);

        assertThat(refusedCreate.mayHaveReachedServer()).isFalse();
        assertThat(refusedCreate.isRetryable()).isTrue();
        assertThat(timedOutCreate.mayHaveReachedServer()).isTrue();
        assertThat(timedOutCreate.isRetryable()).isFalse();
        assertThat(resetCreate.mayHaveReachedServer()).isTrue();
        assertThat(resetCreate.isRetryable()).isFalse();
        assertThat(timedOutRead.mayHaveReachedServer()).isTrue();
        assertThat(timedOutRead.isRetryable()).isTrue();
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
        Envelope envelope = CLASSIFIER.envelopeOrThrow("GET /x", true, 200, headers(Map.of()),
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
        KlingValidationException e = KlingFeature.TEXT2VIDEO.invalid("prompt", "must be at most 2500 characters (was 2501)");
        assertThat(e.getMessage()).isEqualTo("text2video request invalid: prompt must be at most 2500 characters (was 2501)");
        assertThatThrownBy(() -> { throw e; }).isInstanceOf(KlingException.class);
    }
}

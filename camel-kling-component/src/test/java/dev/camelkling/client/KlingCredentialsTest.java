package dev.camelkling.client;

import dev.camelkling.client.auth.KlingCredentials;
import dev.camelkling.client.transport.WireJson;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KlingCredentialsTest {

    private static final String AK = "ak-public-id";
    private static final String SK = "sk-very-secret-value";
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private static String token(String header) {
        assertThat(header).startsWith("Bearer ");
        assertThat(header.indexOf(' ')).isEqualTo(header.lastIndexOf(' ')); // exactly one space
        return header.substring("Bearer ".length());
    }

    @Test
    void jwtHasExactlyTheVendorHeaderAndClaims() throws Exception {
        KlingCredentials credentials = KlingCredentials.accessKey(AK, SK);
        String jwt = token(credentials.authorizationHeader(Clock.fixed(T0, ZoneOffset.UTC)));

        DecodedJWT decoded = JWT.decode(jwt);
        String headerJson = new String(Base64.getUrlDecoder().decode(decoded.getHeader()), StandardCharsets.UTF_8);
        Map<String, Object> header = WireJson.MAPPER.readValue(headerJson, Map.class);
        assertThat(header).containsExactlyInAnyOrderEntriesOf(Map.of("alg", "HS256", "typ", "JWT"));

        String payloadJson = new String(Base64.getUrlDecoder().decode(decoded.getPayload()), StandardCharsets.UTF_8);
        Map<String, Object> claims = WireJson.MAPPER.readValue(payloadJson, Map.class);
        assertThat(claims).containsOnlyKeys("iss", "exp", "nbf");
        assertThat(decoded.getIssuer()).isEqualTo(AK);
        assertThat(decoded.getExpiresAtAsInstant()).isEqualTo(T0.plusSeconds(1800));
        assertThat(decoded.getNotBeforeAsInstant()).isEqualTo(T0.minusSeconds(5));
    }

    @Test
    void jwtIsSignedWithTheSecretKey() {
        String jwt = token(KlingCredentials.accessKey(AK, SK).authorizationHeader(Clock.fixed(T0, ZoneOffset.UTC)));

        Algorithm right = Algorithm.HMAC256(SK);
        right.verify(JWT.decode(jwt)); // throws if the signature is wrong
        assertThatThrownBy(() -> Algorithm.HMAC256("other").verify(JWT.decode(jwt)))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void tokenIsCachedUntilLessThanFiveMinutesRemain() {
        MutableClock clock = new MutableClock(T0);
        KlingCredentials credentials = KlingCredentials.accessKey(AK, SK);
        String first = credentials.authorizationHeader(clock);

        clock.advance(Duration.ofSeconds(1800 - 300 - 1)); // 301 s of life left
        assertThat(credentials.authorizationHeader(clock)).isSameAs(first);

        clock.advance(Duration.ofSeconds(1)); // exactly 300 s left: renew
        String renewed = credentials.authorizationHeader(clock);
        assertThat(renewed).isNotEqualTo(first);
        assertThat(JWT.decode(token(renewed)).getExpiresAtAsInstant()).isEqualTo(clock.instant().plusSeconds(1800));
    }

    @Test
    void clockMovingBackBeforeNotBeforeReSigns() {
        MutableClock clock = new MutableClock(T0);
        KlingCredentials credentials = KlingCredentials.accessKey(AK, SK);
        String first = credentials.authorizationHeader(clock);

        clock.set(T0.minusSeconds(60));
        String second = credentials.authorizationHeader(clock);

        assertThat(second).isNotEqualTo(first);
        assertThat(JWT.decode(token(second)).getNotBeforeAsInstant()).isEqualTo(T0.minusSeconds(65));
    }

    @Test
    void rejectionDropsOnlyTheRejectedToken() {
        MutableClock clock = new MutableClock(T0);
        KlingCredentials credentials = KlingCredentials.accessKey(AK, SK);
        String first = credentials.authorizationHeader(clock);
        clock.advance(Duration.ofSeconds(1));

        assertThat(credentials.renewAfterRejection(first)).isTrue();
        String second = credentials.authorizationHeader(clock);
        assertThat(second).isNotEqualTo(first);

        // a late rejection of the old token must not throw away the fresh one
        credentials.renewAfterRejection(first);
        assertThat(credentials.authorizationHeader(clock)).isSameAs(second);
    }

    @Test
    void concurrentCallersAllGetAValidTokenAndShareTheCache() throws Exception {
        KlingCredentials credentials = KlingCredentials.accessKey(AK, SK);
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Callable<String>> calls = IntStream.range(0, 200).<Callable<String>>mapToObj(i -> () -> {
                start.await();
                return credentials.authorizationHeader(clock);
            }).toList();
            List<Future<String>> futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            Set<String> distinct = ConcurrentHashMap.newKeySet();
            for (Future<String> f : futures) {
                String header = f.get(10, TimeUnit.SECONDS);
                Algorithm.HMAC256(SK).verify(JWT.decode(token(header)));
                distinct.add(header);
            }
            // same instant → same claims → identical tokens, even if two threads raced to sign
            assertThat(distinct).hasSize(1);
            assertThat(credentials.authorizationHeader(clock)).isEqualTo(distinct.iterator().next());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void apiKeyIsSentAsBearerAndNeverRenewed() {
        KlingCredentials credentials = KlingCredentials.apiKey("key-123");
        assertThat(credentials.authorizationHeader(Clock.systemUTC())).isEqualTo("Bearer key-123");
        assertThat(credentials.renewAfterRejection("Bearer key-123")).isFalse();
    }

    @Test
    void toStringNeverShowsSecrets() {
        assertThat(KlingCredentials.accessKey(AK, SK).toString()).doesNotContain(AK).doesNotContain(SK);
        assertThat(KlingCredentials.apiKey("key-123").toString()).doesNotContain("key-123");
        KlingClientConfig config = KlingClientConfig.builder().accessKey(AK, SK).build();
        assertThat(config.toString()).doesNotContain(SK).doesNotContain(AK);
    }

    @Test
    void blankSecretsAreRejectedWithoutEchoingThem() {
        assertThatThrownBy(() -> KlingCredentials.accessKey(AK, " ")).hasMessage("secretKey must not be blank");
        assertThatThrownBy(() -> KlingCredentials.accessKey(null, SK)).hasMessage("accessKey must not be blank");
        assertThatThrownBy(() -> KlingCredentials.apiKey("")).hasMessage("apiKey must not be blank");
    }
}

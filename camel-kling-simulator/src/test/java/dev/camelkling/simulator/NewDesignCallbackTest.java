package dev.camelkling.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelkling.simulator.fault.Fault;
import dev.camelkling.simulator.fault.FaultKind;
import dev.camelkling.simulator.fault.FaultMatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static dev.camelkling.simulator.KlingHttp.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * kling-api-2026.md §6: callbacks of new-design tasks carry the new task object, signed with Standard Webhooks when a
 * secret is configured; legacy tasks keep the legacy body. And the fault injection applies to the new paths (§5).
 */
class NewDesignCallbackTest {
    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "a-32-byte-key-for-the-simulator!".getBytes(StandardCharsets.US_ASCII));

    private CallbackReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = new CallbackReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void everyStatusChangeIsPostedAsTheNewTaskObjectAndSigned() throws Exception {
        try (KlingSimulator sim = KlingSimulator.builder().apiKey(NewDesignClient.API_KEY).webhookSecret(SECRET).build().start()) {
            String id = new NewDesignClient(sim).createId("/text-to-video/kling-3.0-turbo", body("prompt", "called back",
                    "settings", body("duration", 4),
                    "options", body("callback_url", receiver.url("/nd"), "external_task_id", "cb-1")));
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 3);

            List<CallbackReceiver.Received> received = receiver.received();
            assertThat(received).extracting(r -> read(r.body()).get("status").asText())
                    .containsExactly("submitted", "processing", "succeeded");
            JsonNode last = read(received.get(2).body());
            assertThat(last.get("id").asText()).isEqualTo(id);
            assertThat(last.get("external_id").asText()).isEqualTo("cb-1");
            assertThat(last.has("task_status")).isFalse();
            assertThat(last.get("outputs").get(0).get("duration").asText()).isEqualTo("4.0");
            assertThat(last.get("billing").get(0).get("amount").asText()).isEqualTo("3.2"); // 0.8 unit/s x 4 s at 720p
            assertThat(read(received.get(0).body()).get("outputs")).isEmpty();
            for (CallbackReceiver.Received r : received) {
                String expected = sign(r.header("webhook-id"), r.header("webhook-timestamp"), r.rawBody());
                assertThat(r.header("webhook-signature")).isEqualTo(expected);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> sim.callbackDeliveries().size() == 3);
            assertThat(sim.callbackDeliveries()).extracting(CallbackDelivery::taskStatus)
                    .containsExactly("submitted", "processing", "succeeded");
        }
    }

    @Test
    void aLegacyTaskKeepsTheLegacyBodyBesideIt() {
        try (KlingSimulator sim = KlingSimulator.builder().apiKey(NewDesignClient.API_KEY).build().start()) {
            new NewDesignClient(sim).createId("/text-to-video/kling-2.6", body("prompt", "new",
                    "options", body("callback_url", receiver.url("/new"))));
            KlingHttp.withJwt(sim).create("/v1/videos/text2video", body("prompt", "old", "callback_url", receiver.url("/old")));
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 6);

            assertThat(receiver.received()).allSatisfy(r -> {
                JsonNode json = read(r.body());
                assertThat(json.has("task_status")).isEqualTo(!json.has("status"));
            });
            assertThat(receiver.received()).extracting(r -> read(r.body()))
                    .filteredOn(json -> json.has("status")).extracting(json -> json.get("status").asText())
                    .containsExactly("submitted", "processing", "succeeded");
        }
    }

    @Test
    void reorderedCallbacksOfTheNewDesignStillSendTheFinalOneFirst() {
        try (KlingSimulator sim = KlingSimulator.builder().apiKey(NewDesignClient.API_KEY).reorderCallbacks(true).build().start()) {
            new NewDesignClient(sim).createId("/text-to-video/kling-3.0", body("prompt", "shuffled",
                    "options", body("callback_url", receiver.url("/r"))));
            await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received().size() == 3);

            assertThat(receiver.received()).extracting(r -> read(r.body()).get("status").asText())
                    .containsExactly("submitted", "succeeded", "processing");
        }
    }

    @Test
    void faultsApplyToTheNewPathsBeforeAndAfterTheCreate() {
        try (KlingSimulator sim = KlingSimulator.builder().apiKey(NewDesignClient.API_KEY).build().start()) {
            NewDesignClient client = new NewDesignClient(sim);
            FaultMatch creates = FaultMatch.prefix("POST", "/text-to-video/");
            sim.faults().next(creates, Fault.before(FaultKind.RATE_LIMIT_1302));
            KlingHttp.Reply limited = client.create("/text-to-video/kling-3.0", body("prompt", "a"));
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.code()).isEqualTo(1302);
            assertThat(sim.createdTaskCount()).isZero();

            sim.faults().next(creates, Fault.after(FaultKind.INTERNAL_ERROR_5000));
            KlingHttp.Reply failedAfter = client.create("/text-to-video/kling-3.0", body("prompt", "a",
                    "options", body("external_task_id", "made-anyway")));
            assertThat(failedAfter.status()).isEqualTo(500);
            assertThat(failedAfter.code()).isEqualTo(5000);
            assertThat(client.http.get("/tasks?external_task_ids=made-anyway").data()).hasSize(1);

            sim.faults().next(FaultMatch.exact("GET", "/tasks"), Fault.before(FaultKind.UNAVAILABLE_5001));
            assertThat(client.http.get("/tasks?external_task_ids=made-anyway").code()).isEqualTo(5001);
            sim.faults().next(FaultMatch.exact("POST", "/tasks"), Fault.before(FaultKind.TIMEOUT_5002));
            assertThat(client.list(body()).code()).isEqualTo(5002);
        }
    }

    private static JsonNode read(String json) {
        try {
            return KlingHttp.JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Standard Webhooks, written for the test independently of the simulator's signer. */
    private static String sign(String id, String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }
}

package dev.camelkling.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.StreamSupport;

import static dev.camelkling.simulator.KlingHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

/** kling-api-2026.md §4: {@code GET /tasks} batches and the {@code POST /tasks} cursor over a time window. */
class NewDesignTaskQueriesTest {
    /** A clock the test moves, so tasks get create times it chooses. */
    static final AtomicLong NOW = new AtomicLong(1_781_000_000_000L);
    static final Clock CLOCK = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(NOW.get());
        }
    };

    @RegisterExtension
    static KlingSimulatorExtension SIM = KlingSimulatorExtension.create(b -> b.apiKey(NewDesignClient.API_KEY)
            .clock(CLOCK).maxConcurrentTasks(100).additionalAccount("ak-other", "sk-other"));

    private NewDesignClient client;

    @BeforeEach
    void client() {
        SIM.simulator().reset();
        client = new NewDesignClient(SIM.simulator());
    }

    private String createAt(long time, String prompt, String externalId) {
        NOW.set(time);
        Map<String, Object> options = externalId == null ? body() : body("external_task_id", externalId);
        return client.createId("/text-to-video/kling-3.0-turbo", body("prompt", prompt, "options", options));
    }

    private static List<String> ids(JsonNode tasks) {
        return StreamSupport.stream(tasks.spliterator(), false).map(t -> t.get("id").asText()).toList();
    }

    @Test
    void aBatchByTaskIdsAnswersTheKnownTasksInTheOrderAsked() {
        String a = createAt(NOW.get(), "a", null);
        String b = createAt(NOW.get(), "b", null);
        client.awaitFinal(a);

        KlingHttp.Reply reply = client.http.get("/tasks?task_ids=" + b + ",unknown-id," + a + "," + b);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(ids(reply.data())).containsExactly(b, a);
        assertThat(reply.data().get(1).get("status").asText()).isEqualTo("succeeded");
        assertThat(reply.data().get(1).get("outputs")).hasSize(1);
    }

    @Test
    void aBatchByExternalIdsFindsTasksOfEitherDesign() {
        String created = createAt(NOW.get(), "new", "ext-new");
        String legacy = KlingHttp.withJwt(SIM.simulator()).create("/v1/videos/text2video",
                body("prompt", "legacy", "external_task_id", "ext-legacy"));

        KlingHttp.Reply reply = client.http.get("/tasks?external_task_ids=ext-legacy,ext-new,ext-none");

        assertThat(ids(reply.data())).containsExactly(legacy, created);
        assertThat(reply.data().get(0).get("external_id").asText()).isEqualTo("ext-legacy");
        assertThat(reply.data().get(0).has("task_status")).isFalse();
    }

    @Test
    void aBatchNeedsExactlyOneOfTheTwoParameters() {
        for (String query : List.of("/tasks", "/tasks?task_ids=", "/tasks?task_ids=a&external_task_ids=b", "/tasks?task_ids=,,")) {
            KlingHttp.Reply reply = client.http.get(query);
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(reply.code()).as(query).isEqualTo(1201);
            assertThat(reply.message()).as(query).contains("task_ids").contains("external_task_ids");
        }
    }

    @Test
    void anotherAccountsTasksAreNotInItsBatchNorItsList() {
        String mine = createAt(NOW.get(), "mine", "mine-1");
        KlingHttp other = KlingHttp.withAuthorization(SIM.simulator(), "Bearer " + Tokens.valid("ak-other", "sk-other"));
        String theirs = other.create("/v1/videos/text2video", body("prompt", "theirs", "external_task_id", "mine-1"));

        assertThat(ids(client.http.get("/tasks?task_ids=" + mine + "," + theirs).data())).containsExactly(mine);
        assertThat(ids(client.list(body()).data().get("result"))).containsExactly(mine);
    }

    @Test
    void theCursorWalksAWindowPageByPageOldestFirstAndEndsWithAnEmptyPage() {
        long start = 1_781_100_000_000L;
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(createAt(start + i * 1000L, "task " + i, null));
        }
        createAt(start - 1, "before the window", null);
        createAt(start + 60_000, "after the window", null);

        List<String> seen = new ArrayList<>();
        JsonNode page = client.list(body("start_time", start, "end_time", start + 6000, "limit", 3)).data();
        List<Integer> counts = new ArrayList<>();
        while (true) {
            counts.add(page.get("count").asInt());
            seen.addAll(ids(page.get("result")));
            assertThat(page.get("count").asInt()).isEqualTo(page.get("result").size());
            if (!page.get("has_more").asBoolean()) {
                break;
            }
            page = client.list(body("cursor", page.get("next_cursor").asText(), "limit", 3)).data();
        }
        assertThat(counts).containsExactly(3, 3, 1);
        assertThat(seen).containsExactlyElementsOf(created);

        // resuming from the last position: nothing new in the window is an empty page, not an error
        JsonNode empty = client.list(body("cursor", page.get("next_cursor").asText())).data();
        assertThat(empty.get("result")).isEmpty();
        assertThat(empty.get("count").asInt()).isZero();
        assertThat(empty.get("has_more").asBoolean()).isFalse();
        assertThat(empty.get("next_cursor").asText()).isEqualTo(page.get("next_cursor").asText());
    }

    @Test
    void aTaskCreatedInTheWindowAfterAPageIsSeenOnTheNextPage() {
        long start = 1_781_200_000_000L;
        String first = createAt(start, "first", null);
        JsonNode page = client.list(body("start_time", start, "end_time", start + 10_000)).data();
        assertThat(ids(page.get("result"))).containsExactly(first);

        String later = createAt(start + 5000, "later", null);
        JsonNode next = client.list(body("cursor", page.get("next_cursor").asText())).data();

        assertThat(ids(next.get("result"))).containsExactly(later);
    }

    @Test
    void theDefaultWindowIsTheLastThirtyDays() {
        long now = 1_781_300_000_000L;
        createAt(now - Duration.ofDays(31).toMillis(), "too old", null);
        String recent = createAt(now - Duration.ofDays(29).toMillis(), "recent", null);
        NOW.set(now);

        assertThat(ids(client.list(body()).data().get("result"))).containsExactly(recent);
        assertThat(client.http.post("/tasks", "").status()).isEqualTo(200);
    }

    @Test
    void timesAreAcceptedAsNumbersOrStringsOfDigits() {
        long start = 1_781_400_000_000L;
        String task = createAt(start, "t", null);

        JsonNode asStrings = client.list(body("start_time", Long.toString(start), "end_time", Long.toString(start + 1))).data();

        assertThat(ids(asStrings.get("result"))).containsExactly(task);
    }

    @Test
    void filtersSelectByStatusAndProductType() {
        long start = 1_781_500_000_000L;
        String succeeded = createAt(start, "ok", null);
        String failed = createAt(start + 1, "[[fail]]", null);
        client.awaitFinal(succeeded);
        client.awaitFinal(failed);
        NOW.set(start + 2);
        String image = KlingHttp.withJwt(SIM.simulator()).create("/v1/images/generations", body("prompt", "an image"));
        Map<String, Object> window = body("start_time", start, "end_time", start + 10);

        window.put("filters", List.of(body("key", "status", "values", List.of("failed"))));
        assertThat(ids(client.list(window).data().get("result"))).containsExactly(failed);
        window.put("filters", List.of(body("key", "status", "values", List.of("succeeded", "failed")),
                body("key", "product_type", "values", List.of("video"))));
        assertThat(ids(client.list(window).data().get("result"))).containsExactly(succeeded, failed);
        window.put("filters", List.of(body("key", "product_type", "values", List.of("image"))));
        assertThat(ids(client.list(window).data().get("result"))).containsExactly(image);
    }

    @Test
    void badListRequestsAre1201NamingTheField() {
        Map<String, String> cases = Map.of(
                "{\"start_time\":10,\"end_time\":5}", "start_time must not be after end_time",
                "{\"start_time\":\"yesterday\"}", "start_time must be a Unix time in milliseconds",
                "{\"limit\":0}", "limit must be between 1 and 500",
                "{\"limit\":501}", "limit must be between 1 and 500",
                "{\"cursor\":\"not-a-cursor\"}", "cursor is not a cursor this service issued",
                "{\"filters\":[{\"key\":\"model\",\"values\":[\"x\"]}]}", "filters[0].key must be status or product_type",
                "{\"filters\":[{\"key\":\"status\",\"values\":[\"succeed\"]}]}", "filters[0].values[0] must be one of submitted, processing, succeeded, failed",
                "{\"filters\":[{\"key\":\"status\",\"values\":[]}]}", "filters[0].values must be a non-empty array",
                "{\"filters\":{}}", "filters must be an array");
        cases.forEach((json, problem) -> {
            KlingHttp.Reply reply = client.http.post("/tasks", json);
            assertThat(reply.status()).as(json).isEqualTo(400);
            assertThat(reply.code()).as(json).isEqualTo(1201);
            assertThat(reply.message()).as(json).contains(problem);
        });
    }

    @Test
    void limitDefaultsToOneHundredAndGoesUpToFiveHundred() {
        long start = 1_781_600_000_000L;
        for (int i = 0; i < 101; i++) {
            NOW.set(start + i);
            SIM.simulator().completeTask(createAt(start + i, "t" + i, null));
        }
        Map<String, Object> window = body("start_time", start, "end_time", start + 1000);
        JsonNode byDefault = client.list(window).data();
        window.put("limit", 500);
        JsonNode atMost = client.list(window).data();

        assertThat(byDefault.get("count").asInt()).isEqualTo(100);
        assertThat(byDefault.get("has_more").asBoolean()).isTrue();
        assertThat(atMost.get("count").asInt()).isEqualTo(101);
        assertThat(atMost.get("has_more").asBoolean()).isFalse();
    }
}

package dev.camelkling.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static dev.camelkling.simulator.KlingHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

/** Uses a simulator per test (instance-field registration) so lists start empty. */
class TaskQueryTest {
    static final String T2V = "/v1/videos/text2video";
    static final String I2V = "/v1/videos/image2video";

    @RegisterExtension
    KlingSimulatorExtension sim = KlingSimulatorExtension.create(b -> b.maxConcurrentTasks(100)
            .timing(SimulatorTiming.of(java.time.Duration.ofMillis(20), java.time.Duration.ofMillis(40))));

    private KlingHttp client() {
        return KlingHttp.withJwt(sim.simulator());
    }

    private static List<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(t -> t.get("task_id").asText()).toList();
    }

    @Test
    void getByTaskIdAndByExternalIdInPathAndQueryForm() {
        KlingHttp client = client();
        String taskId = client.create(T2V, body("prompt", "a", "external_task_id", "order-42"));
        for (String path : List.of(T2V + "/" + taskId, T2V + "/order-42", T2V + "?external_task_id=order-42")) {
            KlingHttp.Reply reply = client.get(path);
            assertThat(reply.status()).as(path).isEqualTo(200);
            assertThat(reply.data().get("task_id").asText()).as(path).isEqualTo(taskId);
            assertThat(reply.data().get("task_info").get("external_task_id").asText()).isEqualTo("order-42");
        }
    }

    @Test
    void externalIdsWithReservedCharactersWorkInBothForms() {
        KlingHttp client = client();
        String taskId = client.create(T2V, body("prompt", "a", "external_task_id", "a b+c/d"));
        assertThat(client.get(T2V + "/a%20b%2Bc%2Fd").data().get("task_id").asText()).isEqualTo(taskId);
        assertThat(client.get(T2V + "?external_task_id=a%20b%2Bc%2Fd").data().get("task_id").asText()).isEqualTo(taskId);
    }

    @ParameterizedTest
    @ValueSource(strings = {T2V + "/866889456698785798", T2V + "/unknown-external", T2V + "?external_task_id=unknown-external",
            I2V + "/866889456698785798"})
    void unknownIdsAre404With1203(String path) {
        KlingHttp.Reply reply = client().get(path);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo(1203);
        assertThat(reply.json().has("data")).isFalse();
    }

    @Test
    void pathValueIsLookedUpAsTaskIdBeforeExternalId() {
        KlingHttp client = client();
        String first = client.create(T2V, body("prompt", "first"));
        String second = client.create(T2V, body("prompt", "second", "external_task_id", first));
        assertThat(client.get(T2V + "/" + first).data().get("task_id").asText()).isEqualTo(first);
        assertThat(client.get(T2V + "?external_task_id=" + first).data().get("task_id").asText()).isEqualTo(second);
    }

    @Test
    void tasksAreOnlyVisibleUnderTheirProduct() {
        KlingHttp client = client();
        String t2v = client.create(T2V, body("prompt", "a", "external_task_id", "only-t2v"));
        String i2v = client.create(I2V, body("image", "https://example.com/a.png"));
        assertThat(client.get(I2V + "/" + t2v).code()).isEqualTo(1203);
        assertThat(client.get(I2V + "/only-t2v").code()).isEqualTo(1203);
        assertThat(ids(client.get(I2V).data())).containsExactly(i2v);
        assertThat(ids(client.get(T2V).data())).containsExactly(t2v);
    }

    @Test
    void listPagesNewestFirst() {
        KlingHttp client = client();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(client.create(T2V, body("prompt", "task " + i)));
        }
        List<String> newestFirst = new ArrayList<>(created);
        java.util.Collections.reverse(newestFirst);

        assertThat(ids(client.get(T2V).data())).containsExactlyElementsOf(newestFirst);
        assertThat(ids(client.get(T2V + "?pageNum=1&pageSize=3").data())).containsExactlyElementsOf(newestFirst.subList(0, 3));
        assertThat(ids(client.get(T2V + "?pageNum=2&pageSize=3").data())).containsExactlyElementsOf(newestFirst.subList(3, 6));
        assertThat(ids(client.get(T2V + "?pageNum=3&pageSize=3").data())).containsExactlyElementsOf(newestFirst.subList(6, 7));
        assertThat(client.get(T2V + "?pageNum=4&pageSize=3").data()).isEmpty();
        assertThat(client.get(T2V + "?pageNum=1000&pageSize=500").status()).isEqualTo(200);
    }

    @Test
    void listItemsAreFullTaskObjects() {
        KlingHttp client = client();
        String id = client.create(T2V, body("prompt", "listed", "external_task_id", "listed-1"));
        client.awaitFinal(T2V, id);
        JsonNode item = client.get(T2V).data().get(0);
        assertThat(item.get("task_id").asText()).isEqualTo(id);
        assertThat(item.get("task_status").asText()).isEqualTo("succeed");
        assertThat(item.get("task_result").get("videos")).hasSize(1);
        assertThat(item.get("task_info").get("external_task_id").asText()).isEqualTo("listed-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pageNum=0", "pageNum=1001", "pageNum=abc", "pageNum=-1", "pageSize=0", "pageSize=501", "pageSize=1.5"})
    void pagingOutOfRangeIs400With1201(String query) {
        KlingHttp.Reply reply = client().get(T2V + "?" + query);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo(1201);
        assertThat(reply.message()).contains(query.substring(0, query.indexOf('=')));
    }

    @Test
    void resetForgetsTasks() {
        KlingHttp client = client();
        String id = client.create(T2V, body("prompt", "a", "external_task_id", "reset-me"));
        assertThat(sim.simulator().createdTaskCount()).isEqualTo(1);
        sim.simulator().reset();
        assertThat(sim.simulator().createdTaskCount()).isZero();
        assertThat(sim.simulator().tasksByExternalId("reset-me")).isZero();
        assertThat(client.get(T2V + "/" + id).code()).isEqualTo(1203);
        assertThat(client.get(T2V).data()).isEmpty();
    }
}

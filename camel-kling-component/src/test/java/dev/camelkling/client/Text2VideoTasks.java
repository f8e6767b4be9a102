package dev.camelkling.client;

import dev.camelkling.client.request.KlingFeature;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.task.KlingTask;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Text2video tasks a test creates through a client, their prompts numbered. */
public final class Text2VideoTasks {

    private Text2VideoTasks() {
    }

    /** @param fields added to the prompt (a model name, say); none for a legacy task */
    public static List<KlingTask> create(KlingClient client, Map<String, Object> fields, int count) throws Exception {
        List<KlingTask> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> request = new HashMap<>(fields);
            request.put("prompt", "Task " + i);
            created.add(client.create(KlingRequest.of(KlingFeature.TEXT2VIDEO, request)).get(30, TimeUnit.SECONDS));
        }
        return created;
    }
}

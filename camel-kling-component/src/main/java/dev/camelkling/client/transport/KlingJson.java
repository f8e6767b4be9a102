package dev.camelkling.client.transport;

import dev.camelkling.client.error.KlingException;
import dev.camelkling.client.media.KlingMedia;
import dev.camelkling.client.request.KlingRequest;
import dev.camelkling.client.task.Face;
import dev.camelkling.client.task.FaceIdentification;
import dev.camelkling.client.schema.DesignStandard;
import dev.camelkling.client.task.KlingBilling;
import dev.camelkling.client.task.KlingImage;
import dev.camelkling.client.task.KlingOutput;
import dev.camelkling.client.task.KlingTask;
import dev.camelkling.client.task.KlingTaskStatus;
import dev.camelkling.client.task.KlingVideo;
import dev.camelkling.client.task.TaskPage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * JSON in and out. Unknown fields are ignored because Kling adds fields over time; floating-point numbers are
 * read as {@code BigDecimal} and integers as integral nodes, so ids never pass through {@code double}.
 */
public final class KlingJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .addModule(new SimpleModule("kling-media").addSerializer(KlingMedia.class, new MediaSerializer()))
            .build();

    private KlingJson() {
    }

    /** The JSON body of a create request as sent: local media is Base64-encoded from its source while sending. */
    public static StreamingBody requestBody(KlingRequest request) {
        return StreamingBody.of(request.wireFields(), request.feature().requestSubject());
    }

    /** Serializer attribute: where local media values are collected, written as placeholders, by {@link StreamingBody}. */
    static final Object MEDIA_SINK = MediaSink.class;

    record MediaSink(String token, List<KlingMedia> media) {
    }

    public static byte[] write(Map<String, Object> fields, String what) {
        try {
            return MAPPER.writeValueAsBytes(fields);
        } catch (JsonProcessingException e) {
            // Media files are read while writing, so this is also how an unreadable file surfaces.
            throw new KlingException("Could not write the " + what + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The {@code data} of identify-face: {@code {session_id, face_data: [{face_id, face_image, start_time, end_time}]}}. */
    public static FaceIdentification faceIdentification(JsonNode data) {
        String sessionId = data == null ? null : text(data, "session_id");
        if (sessionId == null || sessionId.isEmpty()) {
            throw new KlingException("Kling identify-face response has no session_id");
        }
        List<Face> faces = new ArrayList<>();
        data.path("face_data").forEach(face -> {
            if (face.isObject()) {
                faces.add(new Face(text(face, "face_id"), text(face, "face_image"), face.path("start_time").asLong(0),
                        face.path("end_time").asLong(0)));
            }
        });
        return new FaceIdentification(sessionId, faces);
    }

    /** The envelope, or empty when the body is not a JSON object with an integral {@code code}. */
    static Optional<Envelope> parseEnvelope(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || !root.isObject() || !root.path("code").isIntegralNumber()) {
                return Optional.empty();
            }
            return Optional.of(new Envelope(root.path("code").asInt(), text(root, "message"), text(root, "request_id"), root.path("data")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static KlingTask parseTask(String json) {
        try {
            return task(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            throw new KlingException("Task JSON is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * Reads a task object of either design leniently: a legacy one ({@code task_id}, {@code task_status}) or, when it
     * has an {@code id} and no {@code task_id}, a new-design one ({@link #newDesignTask}). An undocumented status is read
     * as {@code processing}, so that waiting goes on rather than failing on a vendor addition.
     */
    public static KlingTask task(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new KlingException("Kling response has no task object");
        }
        if (!node.has("task_id") && node.has("id")) {
            return newDesignTask(node);
        }
        String taskId = text(node, "task_id");
        if (taskId == null || taskId.isEmpty()) {
            throw new KlingException("Kling task object has no task_id");
        }
        JsonNode info = node.path("task_info");
        JsonNode result = node.path("task_result");
        return new KlingTask(taskId, status(text(node, "task_status")), text(node, "task_status_msg"),
                text(info, "external_task_id"), video(info.path("parent_video")), videos(result.path("videos")),
                images(result.path("images")), node.path("created_at").asLong(0), node.path("updated_at").asLong(0),
                text(node, "final_unit_deduction"), text(result, "result_type"), images(result.path("series_images")),
                List.of(), DesignStandard.LEGACY, legacyOutputs(result));
    }

    /**
     * The legacy results as outputs, so that both designs answer {@link KlingTask#outputs()} and
     * {@link KlingTask#watermarkUrls()} alike: {@code task_result.videos[]} and {@code images[]}, each with the
     * {@code watermark_url} Kling adds when watermarking was asked for (kling-api.md, task object).
     */
    private static List<KlingOutput> legacyOutputs(JsonNode result) {
        List<KlingOutput> outputs = new ArrayList<>();
        result.path("videos").forEach(item -> {
            if (item.isObject()) {
                outputs.add(new KlingOutput.Video(text(item, "id"), text(item, "url"), text(item, "watermark_url"), text(item, "duration")));
            }
        });
        result.path("images").forEach(item -> {
            if (item.isObject()) {
                outputs.add(new KlingOutput.Image(text(item, "url"), text(item, "watermark_url"), null));
            }
        });
        return List.copyOf(outputs);
    }

    /**
     * A new-design task object (kling-api-2026.md §4.1): {@code id}, {@code status}, {@code message},
     * {@code external_id}, {@code create_time}, {@code update_time}, {@code outputs[]} (every type, {@link OutputsJson})
     * and {@code billing[]}.
     */
    static KlingTask newDesignTask(JsonNode node) {
        String id = text(node, "id");
        if (id == null || id.isEmpty()) {
            throw new KlingException("Kling task object has no id");
        }
        List<KlingBilling> billing = new ArrayList<>();
        node.path("billing").forEach(entry -> billing.add(new KlingBilling(text(entry, "charge_type"), decimal(entry, "amount"),
                text(entry, "currency"), text(entry, "package_type"))));
        return KlingTask.newDesign(id, status(text(node, "status")), text(node, "message"), text(node, "external_id"),
                millis(node, "create_time"), millis(node, "update_time"), OutputsJson.outputs(node.path("outputs")), billing);
    }

    /** The {@code data} of {@code POST /tasks}: {@code result[]}, {@code count}, {@code next_cursor}, {@code has_more}. */
    public static TaskPage taskPage(JsonNode data) {
        if (data == null || !data.isObject()) {
            throw new KlingException("Kling task list response has no data object");
        }
        JsonNode result = data.path("result");
        List<KlingTask> tasks = result.isMissingNode() || result.isNull() ? List.of() : tasks(result);
        return new TaskPage(tasks, data.path("count").asInt(tasks.size()), text(data, "next_cursor"),
                data.path("has_more").asBoolean(false));
    }

    /** Unix milliseconds as a number or a string of digits (kling-api-2026.md §9.1); 0 when absent. */
    private static long millis(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? parseLong(value.asText()) : value.asLong(0);
    }

    private static long parseLong(String digits) {
        try {
            return Long.parseLong(digits.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A decimal written as a string ({@code "7.5"}) or a number, exactly; {@code null} when absent or not a number. */
    private static BigDecimal decimal(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return value == null || value.isBlank() ? null : new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public static List<KlingTask> tasks(JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new KlingException("Kling list response has no task array");
        }
        List<KlingTask> tasks = new ArrayList<>(node.size());
        node.forEach(item -> tasks.add(task(item)));
        return List.copyOf(tasks);
    }

    private static KlingTaskStatus status(String wire) {
        try {
            return KlingTaskStatus.fromWire(wire);
        } catch (IllegalArgumentException e) {
            return KlingTaskStatus.PROCESSING;
        }
    }

    private static KlingVideo video(JsonNode node) {
        return node.isObject() ? new KlingVideo(text(node, "id"), text(node, "url"), text(node, "duration")) : null;
    }

    private static List<KlingVideo> videos(JsonNode array) {
        List<KlingVideo> videos = new ArrayList<>();
        array.forEach(item -> {
            KlingVideo video = video(item);
            if (video != null) {
                videos.add(video);
            }
        });
        return videos;
    }

    private static List<KlingImage> images(JsonNode array) {
        List<KlingImage> images = new ArrayList<>();
        array.forEach(item -> {
            if (item.isObject()) {
                images.add(new KlingImage(item.path("index").asInt(images.size()), text(item, "url")));
            }
        });
        return images;
    }

    /** Text of a scalar field (numbers too, as written); {@code null} when absent or JSON null. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull() || value.isContainerNode()) {
            return null;
        }
        return value.isBigDecimal() ? value.decimalValue().toPlainString() : value.asText();
    }


    /** Writes local media as Base64 straight from its source, without first building the Base64 string. */
    private static final class MediaSerializer extends StdSerializer<KlingMedia> {

        private static final long serialVersionUID = 1L;

        MediaSerializer() {
            super(KlingMedia.class);
        }

        @Override
        public void serialize(KlingMedia media, JsonGenerator gen, SerializerProvider provider) throws IOException {
            switch (media.kind()) {
                case URL, BASE64 -> gen.writeString(media.text());
                case BYTES, FILE -> {
                    if (provider.getAttribute(MEDIA_SINK) instanceof MediaSink sink) {
                        gen.writeString(sink.token() + sink.media().size());
                        sink.media().add(media);
                        return;
                    }
                    try (InputStream content = media.openContent()) {
                        gen.writeBinary(content, -1);
                    }
                }
            }
        }
    }
}

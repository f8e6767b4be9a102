package dev.camelkling.examples.flows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import dev.camelkling.client.error.KlingValidationException;
import dev.camelkling.component.KlingConstants;
import org.apache.camel.Header;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * The Kling {@code external_task_id} of a Kafka job, derived from its record key, and the key back from that id.
 * <p>
 * The same key always gives the same id, so a record that Kafka delivers again (after a crash, a rebalance, or when
 * it is produced twice) finds its task instead of paying for a second one. A key that is short and made of
 * {@code [A-Za-z0-9._-]} is kept verbatim after the prefix ({@code <prefix>order-42}), so the results route reads it
 * back from the task. Any other key (spaces, other characters, too long for Kling's 256 characters) is hashed
 * ({@code <prefix>h.<SHA-256, Base64url>}): the id then cannot carry the key, so the jobs route writes such a job to
 * the key directory topic before creating its task, and {@link #remember} learns the key from there.
 */
public final class KafkaFlowKeys {

    /** The component's limit for {@code external_task_id}. */
    static final int MAX_EXTERNAL_TASK_ID_LENGTH = 256;
    static final int MAX_PREFIX_LENGTH = 64;
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern HAS_LETTER = Pattern.compile(".*[A-Za-z].*");
    private static final String HASHED = "h.";

    private final String prefix;
    private final Map<String, String> hashedKeys = new ConcurrentHashMap<>();

    /**
     * @param prefix starts every id of this flow (the results route reads only tasks with it): {@code [A-Za-z0-9._-]},
     *               at most 64 characters, with a letter, so that no id looks like a Kling task id (all digits)
     */
    public KafkaFlowKeys(String prefix) {
        if (prefix == null || prefix.length() > MAX_PREFIX_LENGTH || !SAFE.matcher(prefix).matches()
            || !HAS_LETTER.matcher(prefix).matches()) {
            throw new IllegalArgumentException("kafka.flow.idPrefix must be 1-" + MAX_PREFIX_LENGTH
                                               + " characters of A-Z a-z 0-9 . _ - with at least one letter (was \""
                                               + prefix + "\")");
        }
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    /** The job's external task id; a record without a key is refused, since nothing would make its create unique. */
    public String externalTaskId(@Header(KafkaConstants.KEY) String key) {
        if (key == null || key.isEmpty()) {
            throw new KlingValidationException("Kafka job", "key",
                    "is required: the Kling external_task_id is derived from the record key, so that a record "
                    + "delivered again is created only once");
        }
        return isVerbatim(key) ? prefix + key : prefix + HASHED + sha256(key);
    }

    /** Whether the id does not carry its key, which must then be in the key directory. */
    public boolean isHashed(@Header(KlingConstants.EXTERNAL_TASK_ID) String externalTaskId) {
        return externalTaskId.startsWith(prefix + HASHED);
    }

    /** Learns the key of a hashed id from a record of the key directory topic (keyed by the job's key). */
    public void remember(@Header(KafkaConstants.KEY) String key) {
        if (key != null && !key.isEmpty()) {
            String externalTaskId = externalTaskId(key);
            if (isHashed(externalTaskId)) {
                hashedKeys.put(externalTaskId, key);
            }
        }
    }

    /**
     * The record key of the job that created the task. A hashed id whose directory record has not been read yet fails
     * the exchange: the Kling consumer then emits the task again on a later poll.
     */
    public String recordKey(@Header(KlingConstants.EXTERNAL_TASK_ID) String externalTaskId) {
        if (externalTaskId == null || !externalTaskId.startsWith(prefix)) {
            throw new IllegalArgumentException("external_task_id " + externalTaskId + " is not one of this flow's ("
                                               + prefix + "...)");
        }
        if (!isHashed(externalTaskId)) {
            return externalTaskId.substring(prefix.length());
        }
        String key = hashedKeys.get(externalTaskId);
        if (key == null) {
            throw new IllegalStateException("The key of external_task_id " + externalTaskId
                                            + " is not in the key directory (yet): the task is emitted again later");
        }
        return key;
    }

    /**
     * What makes a refused job's result unique in the published-results repository: its key, or for a record without
     * one, the record's place in the topic (the same when Kafka delivers it again).
     */
    public String refusalId(@Header(KafkaConstants.KEY) String key, @Header(KafkaConstants.TOPIC) String topic,
                            @Header(KafkaConstants.PARTITION) Integer partition,
                            @Header(KafkaConstants.OFFSET) Long offset) {
        return key == null || key.isEmpty()
                ? "refused-record:" + topic + "/" + partition + "/" + offset
                : "refused-key:" + key;
    }

    private boolean isVerbatim(String key) {
        return SAFE.matcher(key).matches() && !key.startsWith(HASHED)
               && prefix.length() + key.length() <= MAX_EXTERNAL_TASK_ID_LENGTH;
    }

    private static String sha256(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

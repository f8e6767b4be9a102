package dev.camelkling.examples.flows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.camelkling.component.KlingConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Gives the dropped file its Kling {@code external_task_id} (header {@code CamelKlingExternalTaskId}): a prefix
 * (setting {@code file.externalIdPrefix}, default {@code file-}), the file name made safe for a URL path, and a hash
 * of the name and the bytes. The same file read again, after a restart or dropped again unchanged, gets the same id,
 * so its create finds the task made the first time instead of paying for another; another name or a changed prompt
 * is another job.
 */
public class FileFlowJobId implements Processor {

    /** Readable part of the id: enough of the name to recognise the job in Kling's console and task lists. */
    static final int NAME_PART_LENGTH = 40;
    /** 16 hex digits = 64 bits of SHA-256: no practical chance of two jobs of one account colliding. */
    static final int HASH_PART_LENGTH = 16;

    @Override
    public void process(Exchange exchange) {
        String prefix = exchange.getContext().resolvePropertyPlaceholders("{{file.externalIdPrefix:file-}}");
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        byte[] content = exchange.getMessage().getBody(byte[].class);
        exchange.getMessage().setHeader(KlingConstants.EXTERNAL_TASK_ID,
                of(prefix, fileName, content == null ? new byte[0] : content));
    }

    /**
     * The id of a job file. Only {@code [A-Za-z0-9._-]} are kept from the name, because Kling looks tasks up by
     * {@code GET /v1/videos/text2video/{external_task_id}}; the hash covers the full name, so names that differ only
     * in dropped characters or beyond the 40 kept still get different ids. At most 63 characters plus the prefix,
     * well within the component's limit of 256.
     */
    public static String of(String prefix, String fileName, byte[] content) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
        sha256.update(fileName.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0); // name "ab" with content "c" is not name "a" with content "bc"
        sha256.update(content);
        String hash = HexFormat.of().formatHex(sha256.digest()).substring(0, HASH_PART_LENGTH);
        String safeName = fileName.replaceAll("[^A-Za-z0-9._-]+", "_");
        return prefix + safeName.substring(0, Math.min(safeName.length(), NAME_PART_LENGTH)) + "-" + hash;
    }
}

package io.infrashare.command.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Base64;

/**
 * A checkpoint of an organization's log as the checkpoint topic carries it: the record's key is the organization,
 * its value the JSON of {@link #json}.
 *
 * @param organization whose log
 * @param size         the log's size, the records it covers
 * @param rootHash     the root hash of those records' tree
 * @param time         when it was issued
 * @param keyId        the signing key's id, 8 hex digits
 * @param note         the C2SP signed note of the C2SP checkpoint
 */
public record SignedCheckpoint(String organization, long size, byte[] rootHash, Instant time, String keyId,
                               String note) {

    public SignedCheckpoint {
        rootHash = rootHash.clone();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /**
     * {@code {"organization":…,"size":…,"rootHash":"<standard base64>","time":"<RFC 3339>","keyId":"<8 hex>",
     * "note":"<signed note>"}}.
     */
    public byte[] json(ObjectMapper json) {
        ObjectNode value = json.createObjectNode()
                .put("organization", organization)
                .put("size", size)
                .put("rootHash", Base64.getEncoder().encodeToString(rootHash))
                .put("time", time.toString())
                .put("keyId", keyId)
                .put("note", note);
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A checkpoint is always JSON", e);
        }
    }
}

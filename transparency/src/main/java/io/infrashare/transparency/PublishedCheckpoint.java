package io.infrashare.transparency;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One checkpoint as a log lists them ({@code GET /audit/checkpoints}): the signed note, and beside it its size,
 * root, time and signing key id for readers who do not open notes. Only the note is trusted; the verifier checks
 * that the fields beside it say the same. {@code position} is its place in the list, from 1.
 */
public record PublishedCheckpoint(int position, long size, String rootHash, String time, String keyId, String note) {

    /** Reads {@code {"checkpoints":[...]}}, oldest first; refuses JSON that is not such a list. */
    public static List<PublishedCheckpoint> parseAll(byte[] json) {
        JsonNode checkpoints = PublishedLists.array(json, "checkpoints");
        List<PublishedCheckpoint> list = new ArrayList<>();
        for (JsonNode checkpoint : checkpoints) {
            if (!checkpoint.path("size").canConvertToLong() || !checkpoint.path("note").isTextual()) {
                throw new IllegalArgumentException("checkpoint " + (list.size() + 1) + " has no size or no note");
            }
            list.add(new PublishedCheckpoint(list.size() + 1, checkpoint.get("size").asLong(),
                    checkpoint.path("rootHash").asText(), checkpoint.path("time").asText(),
                    checkpoint.path("keyId").asText(), checkpoint.get("note").asText()));
        }
        return list;
    }

    /** "checkpoint 3 (size 16, 2026-12-03T10:00:00Z)", as findings name it. */
    String label() {
        return "checkpoint " + position + " (size " + size + (time.isEmpty() ? "" : ", " + time) + ")";
    }
}

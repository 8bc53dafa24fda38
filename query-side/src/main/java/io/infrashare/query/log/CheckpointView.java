package io.infrashare.query.log;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** A signed checkpoint as the audit endpoints answer it. */
@Schema(description = "A checkpoint of the organization's log, signed by the command side: its size and root hash "
        + "are those of the note, which is what to verify")
record CheckpointView(
        @Schema(description = "The number of entries the checkpoint covers, indexes 0 to size - 1", format = "int64")
        long size,
        @Schema(description = "The RFC 9162 root hash of those entries, standard base64", format = "byte")
        String rootHash,
        @Schema(description = "When the command side issued it; not covered by the signature")
        Instant time,
        @Schema(description = "The hex id of the key that signed it, as /audit/keys lists it", example = "3e8bac88")
        String keyId,
        @Schema(description = "The C2SP signed note: origin, size and root hash lines, a blank line, then a "
                + "signature line per key")
        String note) {
}

package io.infrashare.query.log;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** Where an event sits in its organization's log, and the hashes that prove it against a signed checkpoint. */
@Schema(description = "The RFC 9162 inclusion proof of an event's entry in the checkpoint of a size: with the "
        + "checkpoint's root, verify(index, size, leafHash, hashes)")
record InclusionProofView(
        @Schema(description = "The event's id") String eventId,
        @Schema(description = "The entry's index in the log, from 0", format = "int64") long index,
        @Schema(description = "The size of the checkpoint the proof is for", format = "int64") long size,
        @Schema(implementation = Map.class, description = "The logged entry: the event as a CloudEvent in JSON "
                + "structured form; its RFC 8785 canonical bytes are what leafHash covers")
        @JsonRawValue String entry,
        @Schema(description = "SHA-256(0x00 || the entry's canonical bytes), standard base64", format = "byte")
        String leafHash,
        @ArraySchema(schema = @Schema(format = "byte", description = "A hash of the path, standard base64"))
        List<String> hashes) {
}

package io.infrashare.query.log;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** That the log of one checkpoint is the start of the log of a later one. */
@Schema(description = "The RFC 9162 consistency proof between two checkpoints of the organization: with their "
        + "roots, verify(from, to, rootOf(from), rootOf(to), hashes)")
record ConsistencyProofView(
        @Schema(description = "The size of the earlier checkpoint", format = "int64") long from,
        @Schema(description = "The size of the later checkpoint", format = "int64") long to,
        @ArraySchema(schema = @Schema(format = "byte", description = "A hash of the proof, standard base64"))
        List<String> hashes) {
}

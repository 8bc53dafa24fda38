package io.infrashare.query.log;

import io.infrashare.support.Caller;
import io.infrashare.support.CorrelationIdFilter;
import io.infrashare.support.Problems;
import io.infrashare.support.Refusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/** Proofs of the organization's log against its signed checkpoints, and the log itself, entry by entry. */
@RestController
class LogController {

    private static final Logger log = LoggerFactory.getLogger(LogController.class);

    private final LogProofs proofs;
    private final LogExport export;

    LogController(LogProofs proofs, LogExport export) {
        this.proofs = proofs;
        this.export = export;
    }

    @Operation(operationId = "getInclusionProof", tags = "audit", summary = "An event's proof of inclusion",
            description = "The RFC 9162 inclusion proof of the event's entry in the checkpoint of size (by default "
                    + "the largest checkpoint that covers it, size > index): entry is the logged object, whose RFC "
                    + "8785 bytes hash to leafHash, and hashes the path to the checkpoint's root. A 404 for an event "
                    + "the organization's log does not have, until a checkpoint covers it, and for a size no "
                    + "checkpoint of the organization has or that does not cover the event.")
    @Refusals({HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND})
    @GetMapping("/audit/proof")
    InclusionProofView proof(@Parameter(description = "The event's id, a UUID", required = true,
                                     schema = @Schema(type = "string", format = "uuid"))
                             @RequestParam(required = false) String event,
                             @Parameter(description = "The size of the checkpoint to prove against",
                                     schema = @Schema(type = "integer", format = "int64", minimum = "1"))
                             @RequestParam(required = false) String size,
                             Caller caller) {
        String eventId = LogParameters.eventId(event);
        Long checkpoint = size == null ? null : LogParameters.size("size", size);
        return proofs.inclusion(caller.organization(), eventId, checkpoint);
    }

    @Operation(operationId = "getConsistencyProof", tags = "audit", summary = "Two checkpoints' proof of consistency",
            description = "The RFC 9162 consistency proof that the log of the checkpoint of size from is the start "
                    + "of the log of the checkpoint of size to: both must be sizes of the organization's "
                    + "checkpoints (else a 404); from == to gives no hashes.")
    @Refusals({HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND})
    @GetMapping("/audit/consistency")
    ConsistencyProofView consistency(@Parameter(description = "The size of the earlier checkpoint", required = true,
                                             schema = @Schema(type = "integer", format = "int64", minimum = "1"))
                                     @RequestParam(required = false) String from,
                                     @Parameter(description = "The size of the later checkpoint", required = true,
                                             schema = @Schema(type = "integer", format = "int64", minimum = "1"))
                                     @RequestParam(required = false) String to,
                                     Caller caller) {
        long first = LogParameters.size("from", from);
        long second = LogParameters.size("to", to);
        LogParameters.inOrder(first, second);
        return proofs.consistency(caller.organization(), first, second);
    }

    @Operation(operationId = "exportLog", tags = "audit", summary = "The organization's log, entry by entry",
            description = "The entries of the organization's log in index order, each its exact stored bytes (RFC "
                    + "8785 canonical JSON, whose SHA-256(0x00 || bytes) is its leaf hash) followed by a newline: "
                    + "from index from (default 0) up to index to, exclusive (default: the log's size), or the end "
                    + "of the log if it is shorter. The answer declares its Content-Length and closes the connection "
                    + "after it: one that ends short of that length broke off and is incomplete.")
    @Refusals(HttpStatus.BAD_REQUEST)
    @ApiResponse(responseCode = "200", description = "The entries, one a line", content = @Content(
            mediaType = LogExport.NDJSON, schema = @Schema(type = "string",
            description = "One entry's exact bytes a line, each followed by a newline")))
    @GetMapping("/audit/log")
    void entries(@Parameter(description = "The index of the first entry",
                         schema = @Schema(type = "integer", format = "int64", minimum = "0", defaultValue = "0"))
                 @RequestParam(required = false) String from,
                 @Parameter(description = "The index after the last entry; by default the log's size",
                         schema = @Schema(type = "integer", format = "int64", minimum = "0"))
                 @RequestParam(required = false) String to,
                 Caller caller, HttpServletResponse response) throws IOException {
        long first = from == null ? 0 : LogParameters.index("from", from);
        Long end = to == null ? null : LogParameters.index("to", to);
        if (end != null) {
            LogParameters.inOrder(first, end);
        }
        export.write(caller.organization(), first, end, response);
    }

    /**
     * The stored log does not match what was signed: no proof is given from it. A defect or a tampered database, for
     * an operator: logged with the request's correlation id, which the answer names too.
     */
    @ExceptionHandler(StoredLogMismatch.class)
    ResponseEntity<ProblemDetail> mismatch(StoredLogMismatch mismatch, HttpServletRequest request) {
        String correlationId = CorrelationIdFilter.of(request);
        log.error("Request {}: the stored log does not match what was signed: {}", correlationId,
                mismatch.getMessage());
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The stored log does not match its signed checkpoint, so no proof is given; the log has the details "
                        + "under its correlation id.");
        problem.setProperty("correlationId", correlationId);
        return ResponseEntity.internalServerError().body(problem);
    }
}

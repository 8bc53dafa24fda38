package io.infrashare.query.log;

import io.infrashare.query.NotFound;
import io.infrashare.support.Caller;
import io.infrashare.support.Refusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What an auditor checks proofs with: the keys this side trusts, and the organization's signed checkpoints. */
@RestController
class CheckpointController {

    private final KnownKeys keys;
    private final StoredCheckpoints checkpoints;

    CheckpointController(KnownKeys keys, StoredCheckpoints checkpoints) {
        this.keys = keys;
        this.checkpoints = checkpoints;
    }

    @Operation(operationId = "listVerifierKeys", tags = "audit", summary = "The keys checkpoints are signed with",
            description = "Every Ed25519 key whose checkpoint signatures this side trusts, the command side's "
                    + "current key and those it signed with before: each as an RFC 8037 JWK (kid the signatures' "
                    + "key id) and as the C2SP verifier key that note verifiers take. Compare them with the keys the "
                    + "operator publishes elsewhere before trusting a proof.")
    @GetMapping("/audit/keys")
    VerifierKeysView keys() {
        return VerifierKeysView.of(keys.all());
    }

    @Operation(operationId = "listCheckpoints", tags = "audit", summary = "The organization's signed checkpoints",
            description = "Every checkpoint of the organization's log that this side received and verified, oldest "
                    + "first (by size, then by time); with after, those of a larger size only. The note is what the "
                    + "command side signed: its origin, size and root hash, and a signature line per key.")
    @Refusals(HttpStatus.BAD_REQUEST)
    @GetMapping("/audit/checkpoints")
    CheckpointsView checkpoints(@Parameter(description = "Only checkpoints of a size greater than this",
                                        schema = @Schema(type = "integer", format = "int64", minimum = "0"))
                                @RequestParam(required = false) String after,
                                Caller caller) {
        long larger = after == null ? -1 : LogParameters.index("after", after);
        return new CheckpointsView(checkpoints.after(caller.organization(), larger).stream()
                .map(SignedCheckpoint::view).toList());
    }

    @Operation(operationId = "getLatestCheckpoint", tags = "audit", summary = "The organization's latest checkpoint",
            description = "The checkpoint of the largest size this side received for the organization, the last "
                    + "issued of that size; a 404 before the first.")
    @Refusals(HttpStatus.NOT_FOUND)
    @GetMapping("/audit/checkpoints/latest")
    CheckpointView latest(Caller caller) {
        return checkpoints.latest(caller.organization()).map(SignedCheckpoint::view)
                .orElseThrow(() -> new NotFound("The organization has no checkpoint yet."));
    }
}

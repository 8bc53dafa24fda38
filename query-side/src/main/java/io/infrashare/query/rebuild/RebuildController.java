package io.infrashare.query.rebuild;

import io.infrashare.query.ingest.ReadModelRebuild;
import io.infrashare.support.Refusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * {@code POST /admin/rebuild}, for the platform's operator (never an organization's admin: it rebuilds every
 * organization's read models): the read models are emptied and the replay has started when it answers
 * 202. The body names each organization's position before the rebuild; a query's {@code X-Projection-Position} for
 * that organization is back there once the replay has reached it.
 */
@RestController
class RebuildController {

    private final ReadModelRebuild rebuild;

    RebuildController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Operation(operationId = "rebuildReadModels", tags = "administration", summary = "Rebuild the read models",
            description = "Empties every read model of every organization and replays them from the topic; the "
                    + "answer names each organization's position before the rebuild, which its views reach "
                    + "again once the replay has. Stack-wide: the platform's operator only, never an "
                    + "organization's admin (docs/operations.md).")
    @Refusals({HttpStatus.FORBIDDEN})
    @ApiResponse(responseCode = "202", description = "The read models were emptied and the replay has started.")
    @PostMapping("/admin/rebuild")
    ResponseEntity<RebuildStarted> rebuild() {
        // the operator's alone: the security chain refuses /admin/** to everyone else (ServiceSupportAutoConfiguration)
        return ResponseEntity.accepted().body(new RebuildStarted(rebuild.rebuild()));
    }

    /** @param positions each organization's position before the rebuild, which the replay reaches again */
    record RebuildStarted(Map<String, Long> positions) {
    }
}

package io.infrashare.command.catalog;

import io.infrashare.support.Refusals;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /admin/catalog/rebuild}, for the platform's operator (never an organization's admin: the catalog holds
 * every organization): the catalog is replayed from the event store ({@link CatalogRebuild}) while commands that use
 * it wait, and the answer, once it is done, says what differed.
 */
@RestController
class CatalogRebuildController {

    private final CatalogRebuild rebuild;

    CatalogRebuildController(CatalogRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Operation(operationId = "rebuildCatalog", tags = "administration", summary = "Rebuild the catalog",
            description = "Replays the whole event store into the catalog that rules 2 to 6 of docs/domain.md read "
                    + "across projects, while commands that use it wait, and answers once it is done with what "
                    + "differed. Stack-wide: the platform's operator only, never an organization's admin "
                    + "(docs/operations.md).")
    @Refusals({HttpStatus.FORBIDDEN})
    @PostMapping("/admin/catalog/rebuild")
    Rebuilt rebuild() {
        // the operator's alone: the security chain refuses /admin/** to everyone else (ServiceSupportAutoConfiguration)
        CatalogRebuild.Outcome outcome = rebuild.rebuild();
        return new Rebuilt(outcome.events(), outcome.rows(), outcome.missing().size(), outcome.unexpected().size());
    }

    /**
     * @param events     the events of the store replayed
     * @param rows       the rows of the catalog now
     * @param missing    rows the history implies that the catalog lacked (the log lists them)
     * @param unexpected rows the catalog held that the history does not imply (the log lists them)
     */
    record Rebuilt(long events, int rows, int missing, int unexpected) {
    }
}

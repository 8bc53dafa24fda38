package io.infrashare.query.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** @param next the cursor to pass back as {@code after} for the entries that follow, null when there are none */
record AuditPage(List<AuditEntry> entries, @Schema(nullable = true) String next) {
}

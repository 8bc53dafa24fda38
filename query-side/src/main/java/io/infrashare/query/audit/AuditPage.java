package io.infrashare.query.audit;

import java.util.List;

/** @param next the cursor to pass back as {@code after} for the entries that follow, null when there are none */
record AuditPage(List<AuditEntry> entries, String next) {
}

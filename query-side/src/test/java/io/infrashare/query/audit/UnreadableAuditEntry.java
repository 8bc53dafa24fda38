package io.infrashare.query.audit;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Spoils a recorded audit entry, for tests of how the log answers an entry it cannot read. The audit log refuses every
 * {@code UPDATE} by a trigger (query migration V11), so the test's login, the tables' owner, disables that trigger for
 * this one statement and enables it again: set-up only, which nothing of the service can do.
 */
public final class UnreadableAuditEntry {

    private UnreadableAuditEntry() {
    }

    /** Gives the entry at that position a resource that is not a resource id. */
    public static void at(JdbcClient jdbc, int position) {
        jdbc.sql("alter table audit_entry disable trigger audit_entry_is_append_only").update();
        try {
            jdbc.sql("update audit_entry set resource = 'not-a-resource-id' where position = :position")
                    .param("position", position).update();
        } finally {
            jdbc.sql("alter table audit_entry enable always trigger audit_entry_is_append_only").update();
        }
    }
}

package io.infrashare.query;

import io.infrashare.events.OrganizationId;
import io.infrashare.transparency.CompactRange;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Optional;
import java.util.function.Supplier;

/** What the side of this database has logged, for a {@link LogSealer} that continues its logs. */
public final class DatabaseLogs implements LogSealer.Committed {

    private final Supplier<JdbcClient> jdbc;

    /** @param jdbc the side's database, asked for when the first record is sealed */
    public DatabaseLogs(Supplier<JdbcClient> jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Long> loggedIndex(String eventId) {
        return jdbc.get().sql("select log_index from log_entry where event_id = :id").param("id", eventId)
                .query(Long.class).optional();
    }

    @Override
    public CompactRange tree(OrganizationId organization) {
        return jdbc.get().sql("select size, subtrees from log_tree where organization = :organization")
                .param("organization", organization.value())
                .query((row, number) -> CompactRange.of(row.getLong("size"), row.getBytes("subtrees")))
                .optional()
                .orElseGet(CompactRange::empty);
    }
}

package io.infrashare.query.log;

import io.infrashare.events.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Each organization's log as the ingestion stored it: its entries, their leaf hashes and the size of its tree. The
 * entries of indexes below the size are all there and never change, so what is read of them stays true while the log
 * grows; only a rebuild empties them, and gives them back as they were.
 */
@Component
class StoredLog {

    /** Entries read at a time for the export: memory stays flat however long the log. */
    static final int PAGE = 500;

    private final JdbcClient jdbc;

    StoredLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The number of entries of the organization's log, 0 before its first. */
    long size(OrganizationId organization) {
        return jdbc.sql("select size from log_tree where organization = :organization")
                .param("organization", organization.value())
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    /** The leaf hashes of the first {@code size} entries, in index order; fewer if entries are missing. */
    List<byte[]> leafHashes(OrganizationId organization, long size) {
        return jdbc.sql("select leaf_hash from log_entry where organization = :organization and log_index < :size"
                        + " order by log_index")
                .param("organization", organization.value())
                .param("size", size)
                .query((row, number) -> row.getBytes(1))
                .list();
    }

    /** The entry of an event of the organization; another organization's event is none. */
    Optional<Entry> entry(OrganizationId organization, String eventId) {
        return jdbc.sql("select log_index, entry, leaf_hash from log_entry where organization = :organization"
                        + " and event_id = :eventId")
                .param("organization", organization.value())
                .param("eventId", eventId)
                .query((row, number) -> new Entry(row.getLong(1), row.getBytes(2), row.getBytes(3)))
                .optional();
    }

    /** How many entries of indexes {@code from} to {@code to} (exclusive) there are, and their bytes with a newline each. */
    Slice slice(OrganizationId organization, long from, long to) {
        return jdbc.sql("select count(*), coalesce(sum(octet_length(entry) + 1), 0) from log_entry"
                        + " where organization = :organization and log_index >= :from and log_index < :to")
                .param("organization", organization.value())
                .param("from", from)
                .param("to", to)
                .query((row, number) -> new Slice(row.getLong(1), row.getLong(2)))
                .single();
    }

    /** At most {@link #PAGE} entries from index {@code from} up to {@code to} (exclusive), in index order. */
    List<Entry> page(OrganizationId organization, long from, long to) {
        return jdbc.sql("select log_index, entry, leaf_hash from log_entry where organization = :organization"
                        + " and log_index >= :from and log_index < :to order by log_index limit :limit")
                .param("organization", organization.value())
                .param("from", from)
                .param("to", to)
                .param("limit", PAGE)
                .query((row, number) -> new Entry(row.getLong(1), row.getBytes(2), row.getBytes(3)))
                .list();
    }

    /** An entry: its index, its exact bytes and the leaf hash stored with it. */
    record Entry(long index, byte[] bytes, byte[] leafHash) {
    }

    /** @param bytes the length of the entries written one a line */
    record Slice(long entries, long bytes) {
    }
}

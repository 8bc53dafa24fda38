package io.infrashare.query.log;

import io.infrashare.events.OrganizationId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The signed checkpoints this side received, each organization's apart. Rows are only ever added: a checkpoint that
 * arrives again is the same row, and one of a size issued again later is another row with the same root.
 */
@Component
class StoredCheckpoints {

    private static final String COLUMNS = "organization, size, root_hash, key_id, issued_at, note";
    private static final RowMapper<SignedCheckpoint> ROW = (row, number) -> new SignedCheckpoint(
            OrganizationId.of(row.getString("organization")), row.getLong("size"), row.getBytes("root_hash"),
            row.getString("key_id"), row.getObject("issued_at", OffsetDateTime.class).toInstant(),
            row.getString("note"));

    private final JdbcClient jdbc;

    StoredCheckpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return whether it was added: false if the same checkpoint was kept before */
    boolean add(SignedCheckpoint checkpoint) {
        return jdbc.sql("insert into log_checkpoint (" + COLUMNS + ") values (:organization, :size, :rootHash, :keyId,"
                        + " :issuedAt, :note) on conflict do nothing")
                .param("organization", checkpoint.organization().value())
                .param("size", checkpoint.size())
                .param("rootHash", checkpoint.rootHash())
                .param("keyId", checkpoint.keyId())
                .param("issuedAt", OffsetDateTime.ofInstant(checkpoint.time(), ZoneOffset.UTC))
                .param("note", checkpoint.note())
                .update() == 1;
    }

    /** Those of a size greater than {@code after}, oldest first. */
    List<SignedCheckpoint> after(OrganizationId organization, long after) {
        return jdbc.sql("select " + COLUMNS + " from log_checkpoint where organization = :organization"
                        + " and size > :after order by size, issued_at")
                .param("organization", organization.value())
                .param("after", after)
                .query(ROW)
                .list();
    }

    /** The largest, the last issued of that size. */
    Optional<SignedCheckpoint> latest(OrganizationId organization) {
        return atMost(organization, Long.MAX_VALUE);
    }

    /** The last issued of this size. */
    Optional<SignedCheckpoint> ofSize(OrganizationId organization, long size) {
        return last(organization, "size = :size", size);
    }

    /** The largest of a size up to {@code size}, the last issued of that size. */
    Optional<SignedCheckpoint> atMost(OrganizationId organization, long size) {
        return last(organization, "size <= :size", size);
    }

    private Optional<SignedCheckpoint> last(OrganizationId organization, String sizes, long size) {
        return jdbc.sql("select " + COLUMNS + " from log_checkpoint where organization = :organization and " + sizes
                        + " order by size desc, issued_at desc limit 1")
                .param("organization", organization.value())
                .param("size", size)
                .query(ROW)
                .optional();
    }
}

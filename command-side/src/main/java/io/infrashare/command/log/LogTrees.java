package io.infrashare.command.log;

import io.infrashare.transparency.CompactRange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organizations' trees ({@code log_tree}): each log's size and perfect subtrees, the state its next record is
 * sealed on, and the root they give. Read and written in the publishing processor's transaction, the one that also
 * stores its token.
 */
class LogTrees {

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Clock clock;

    LogTrees(JdbcClient jdbc, JdbcTemplate batches, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
    }

    /** The organization's tree, locked until the transaction ends; an empty one if it has no log yet. */
    CompactRange lock(String organization) {
        Optional<CompactRange> tree = jdbc.sql("select size, subtrees from log_tree where organization = :organization"
                        + " for update")
                .param("organization", organization)
                .query((row, number) -> CompactRange.of(row.getLong("size"), row.getBytes("subtrees")))
                .optional();
        return tree.orElseGet(CompactRange::empty);
    }

    /** Writes the trees, in one batch of statements. */
    void save(Map<String, CompactRange> trees) {
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = trees.entrySet().stream()
                .map(tree -> new Object[]{tree.getKey(), tree.getValue().size(), tree.getValue().subtreeHashes(),
                        tree.getValue().rootHash(), now})
                .toList();
        batches.batchUpdate("""
                insert into log_tree (organization, size, subtrees, root_hash, updated_at) values (?, ?, ?, ?, ?)
                on conflict (organization) do update set size = excluded.size, subtrees = excluded.subtrees,
                    root_hash = excluded.root_hash, updated_at = excluded.updated_at""", rows);
    }
}

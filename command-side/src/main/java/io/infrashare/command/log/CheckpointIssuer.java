package io.infrashare.command.log;

import io.infrashare.events.LogSeal;
import io.infrashare.events.OrganizationId;
import io.infrashare.transparency.Checkpoint;
import io.infrashare.transparency.NoteSigner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Decides which organizations get a checkpoint, signs them, and remembers those issued ({@code log_checkpoint},
 * append-only). An organization is due when its log grew since its last checkpoint, or when that checkpoint is older
 * than {@code infrashare.log.checkpoint-interval}.
 * <p>
 * Only committed trees are read, and a tree commits with the publisher's token after Kafka acknowledged every record
 * it covers: so a committed size is always published, and a checkpoint never covers a record that is not on the
 * topic. Of several nodes, one issues at a time (a transaction-scoped advisory lock); the others skip the round.
 */
public class CheckpointIssuer {

    /** The advisory lock of the issuing round: any fixed number no other lock of the database uses. */
    private static final long ISSUING = 0x696e66726173L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final NoteSigner signer;
    private final LogProperties properties;
    private final Clock clock;

    CheckpointIssuer(JdbcClient jdbc, TransactionTemplate transactions, NoteSigner signer, LogProperties properties,
                     Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.signer = signer;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Signs the due checkpoints, hands them to {@code publish} and records those it returns as published.
     *
     * @param publish publishes the checkpoints and returns those acknowledged
     * @return the checkpoints issued
     */
    public List<SignedCheckpoint> issue(UnaryOperator<List<SignedCheckpoint>> publish) {
        return transactions.execute(status -> {
            if (!jdbc.sql("select pg_try_advisory_xact_lock(:lock)").param("lock", ISSUING).query(Boolean.class)
                    .single()) {
                return List.of();
            }
            // the database keeps microseconds: the time published is the time stored
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            List<SignedCheckpoint> published = publish.apply(due(now).stream().map(tree -> sign(tree, now)).toList());
            published.forEach(this::record);
            return published;
        });
    }

    private record Tree(String organization, long size, byte[] rootHash) {
    }

    private List<Tree> due(Instant now) {
        return jdbc.sql("""
                        select tree.organization, tree.size, tree.root_hash from log_tree tree
                        left join lateral (select size, issued_at from log_checkpoint issued
                                           where issued.organization = tree.organization
                                           order by size desc, issued_at desc limit 1) latest on true
                        where latest.size is null or tree.size > latest.size or latest.issued_at <= :stale
                        order by tree.organization""")
                .param("stale", Timestamp.from(now.minus(properties.checkpointInterval())))
                .query((row, number) -> new Tree(row.getString("organization"), row.getLong("size"),
                        row.getBytes("root_hash")))
                .list();
    }

    private SignedCheckpoint sign(Tree tree, Instant now) {
        String origin = LogSeal.origin(properties.originPrefix(), OrganizationId.of(tree.organization()));
        String note = new Checkpoint(origin, tree.size(), tree.rootHash()).sign(signer).message();
        return new SignedCheckpoint(tree.organization(), tree.size(), tree.rootHash(), now,
                HexFormat.of().toHexDigits(signer.keyId()), note);
    }

    private void record(SignedCheckpoint checkpoint) {
        jdbc.sql("""
                        insert into log_checkpoint (organization, size, root_hash, key_id, issued_at, note)
                        values (:organization, :size, :rootHash, :keyId, :issuedAt, :note)""")
                .param("organization", checkpoint.organization())
                .param("size", checkpoint.size())
                .param("rootHash", checkpoint.rootHash())
                .param("keyId", checkpoint.keyId())
                .param("issuedAt", Timestamp.from(checkpoint.time()))
                .param("note", checkpoint.note())
                .update();
    }
}

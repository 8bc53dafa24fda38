package io.infrashare.command.idempotency;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The {@code idempotent_request} table. Every method is one statement committed on its own, outside the command's
 * transaction: the claim must be visible to a concurrent repeat before the command runs, and the answer must stay
 * stored whatever the command's transaction did.
 */
@Component
class IdempotencyStore {

    private static final String IN_PROGRESS = "in-progress";
    private static final String DONE = "done";

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whose key it is: docs/http-api.md scopes keys to the caller. */
    record Scope(String organization, String principal, String key) {
    }

    record Answer(int status, String contentType, byte[] body) {
    }

    /** The first request sent with a key: its fingerprint, and its answer once it has one. */
    record Earlier(String fingerprint, Optional<Answer> answer) {
    }

    /**
     * Takes the key for a request about to run, or tells what the key was first used for. A row released between
     * the refused insert and the read (its request failed) frees the key, so the claim is tried once more.
     */
    Optional<Earlier> claim(Scope scope, String fingerprint) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                jdbc.sql("""
                                INSERT INTO idempotent_request
                                    (organization, principal, idempotency_key, fingerprint, state, created_at)
                                VALUES (?, ?, ?, ?, ?, ?)""")
                        .params(scope.organization(), scope.principal(), scope.key(), fingerprint, IN_PROGRESS,
                                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                        .update();
                return Optional.empty();
            } catch (DuplicateKeyException taken) {
                Optional<Earlier> earlier = find(scope);
                if (earlier.isPresent()) {
                    return earlier;
                }
            }
        }
        // Released twice in a row: treat it as the busy key it evidently is.
        return Optional.of(new Earlier(fingerprint, Optional.empty()));
    }

    private Optional<Earlier> find(Scope scope) {
        return jdbc.sql("""
                        SELECT fingerprint, state, response_status, content_type, response_body
                        FROM idempotent_request
                        WHERE organization = ? AND principal = ? AND idempotency_key = ?""")
                .params(scope.organization(), scope.principal(), scope.key())
                .query((row, n) -> new Earlier(row.getString("fingerprint"), DONE.equals(row.getString("state"))
                        ? Optional.of(new Answer(row.getInt("response_status"), row.getString("content_type"),
                                bytes(row.getBytes("response_body"))))
                        : Optional.empty()))
                .optional();
    }

    private static byte[] bytes(byte[] stored) {
        return stored == null ? new byte[0] : stored;
    }

    void complete(Scope scope, Answer answer) {
        jdbc.sql("""
                        UPDATE idempotent_request
                        SET state = ?, response_status = ?, content_type = ?, response_body = ?
                        WHERE organization = ? AND principal = ? AND idempotency_key = ?""")
                .params(DONE, answer.status(), answer.contentType(), answer.body(),
                        scope.organization(), scope.principal(), scope.key())
                .update();
    }

    /** Forgets a request that got no answer worth repeating, so that the client may send it again. */
    void release(Scope scope) {
        jdbc.sql("DELETE FROM idempotent_request WHERE organization = ? AND principal = ? AND idempotency_key = ?")
                .params(scope.organization(), scope.principal(), scope.key())
                .update();
    }

    /** Deletes in batches, each statement well within the command side's statement timeout. */
    int deleteCreatedBefore(Instant instant) {
        int deleted = 0;
        int batch;
        do {
            batch = jdbc.sql("""
                            DELETE FROM idempotent_request WHERE ctid IN (
                                SELECT ctid FROM idempotent_request WHERE created_at < ? LIMIT 10000)""")
                    .param(OffsetDateTime.ofInstant(instant, ZoneOffset.UTC))
                    .update();
            deleted += batch;
        } while (batch > 0);
        return deleted;
    }
}

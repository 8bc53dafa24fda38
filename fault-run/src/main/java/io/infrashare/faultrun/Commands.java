package io.infrashare.faultrun;

import io.infrashare.http.Answer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends a command the way a careful client does while nodes die: one correlation id and one idempotency key per
 * command, the same key again on the other node after a lost connection or a 5xx, a fresh key after a lost race
 * (nothing was recorded), and a verdict in the ledger at the end.
 */
final class Commands {

    private static final Logger log = LoggerFactory.getLogger(Commands.class);

    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(15);
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(60);

    private final List<JavaService> nodes;
    private final Ledger ledger;

    Commands(List<JavaService> nodes, Ledger ledger) {
        this.nodes = nodes;
        this.ledger = ledger;
    }

    record Result(Ledger.Verdict verdict, Answer answer, String correlationId) {

        boolean acknowledged() {
            return verdict == Ledger.Verdict.ACKNOWLEDGED;
        }
    }

    Result send(Organization organization, int preferredNode, String token, String method, String path,
                String body) throws InterruptedException {
        return send(organization, preferredNode, token, method, path, body, null);
    }

    /** With the reason given for the write ({@code X-Reason}), or null for none. */
    Result send(Organization organization, int preferredNode, String token, String method, String path,
                String body, String reason) throws InterruptedException {
        String correlationId = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        Answer last = null;
        int attempt = 0;
        while (System.nanoTime() < deadline) {
            JavaService node = nodes.get((preferredNode + attempt) % nodes.size());
            attempt++;
            try {
                last = node.api().withTimeout(ATTEMPT_TIMEOUT).as(token).withCorrelationId(correlationId)
                        .withIdempotencyKey(key).withReason(reason).send(method, path, body);
                if (last.success()) {
                    int expected = method.equals("POST") ? 201 : 200;
                    if (last.status() != expected) {
                        log.warn("{} {} answered {} on {} ({}): {}", method, path, last.status(), node.name(),
                                correlationId, last.text());
                    }
                    return done(organization, correlationId, method, path, Ledger.Verdict.ACKNOWLEDGED, last, attempt);
                }
                if (last.status() == 409 && last.problem().equals("concurrent-modification")) {
                    key = UUID.randomUUID().toString();
                } else if (last.status() == 409 && last.problem().equals("idempotency-key-in-progress")) {
                    // the first attempt was recorded or not; the key stays taken until it expires
                    return done(organization, correlationId, method, path, Ledger.Verdict.UNKNOWN, last, attempt);
                } else if (last.status() < 500) {
                    return done(organization, correlationId, method, path, Ledger.Verdict.REFUSED, last, attempt);
                }
            } catch (UncheckedIOException e) {
                last = null; // the node is down or died answering: try the other one with the same key
            }
            TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(100, 500));
        }
        return done(organization, correlationId, method, path, Ledger.Verdict.UNKNOWN, last, attempt);
    }

    private Result done(Organization organization, String correlationId, String method, String path,
                        Ledger.Verdict verdict, Answer answer, int attempts) {
        ledger.record(new Ledger.Entry(organization.name(), correlationId, method + " " + path, verdict,
                answer == null ? 0 : answer.status(), answer == null || answer.success() ? null : answer.problem(),
                attempts));
        return new Result(verdict, answer, correlationId);
    }
}

package io.infrashare.command.idempotency;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotencyStoreTest {

    private static final IdempotencyStore.Scope OLIVIAS = new IdempotencyStore.Scope("acme", "olivia", "k1");
    private static final String FINGERPRINT = "a".repeat(64);

    private final JdbcClient jdbc = Tables.migrated();
    private final SettableClock clock = new SettableClock(Instant.parse("2025-03-01T10:00:00Z"));
    private final IdempotencyStore store = new IdempotencyStore(jdbc, clock);

    @Test
    void aFreeKeyIsTakenByTheFirstRequestAndInProgressForTheNext() {
        assertThat(store.claim(OLIVIAS, FINGERPRINT)).isEmpty();

        Optional<IdempotencyStore.Earlier> next = store.claim(OLIVIAS, FINGERPRINT);

        assertThat(next).hasValueSatisfying(earlier -> {
            assertThat(earlier.fingerprint()).isEqualTo(FINGERPRINT);
            assertThat(earlier.answer()).isEmpty();
        });
    }

    @Test
    void aStoredAnswerComesBackByteForByte() {
        store.claim(OLIVIAS, FINGERPRINT);
        byte[] body = {'{', '}', 0, (byte) 0xff};
        store.complete(OLIVIAS, new IdempotencyStore.Answer(201, "application/json", body));

        IdempotencyStore.Answer answer = store.claim(OLIVIAS, FINGERPRINT).orElseThrow().answer().orElseThrow();

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.body()).containsExactly(body);
    }

    @Test
    void anAnswerWithoutBodyOrContentTypeIsKeptAsSuch() {
        store.claim(OLIVIAS, FINGERPRINT);
        store.complete(OLIVIAS, new IdempotencyStore.Answer(204, null, new byte[0]));

        IdempotencyStore.Answer answer = store.claim(OLIVIAS, FINGERPRINT).orElseThrow().answer().orElseThrow();

        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.contentType()).isNull();
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void aReleasedKeyIsFreeAgain() {
        store.claim(OLIVIAS, FINGERPRINT);

        store.release(OLIVIAS);

        assertThat(store.claim(OLIVIAS, "b".repeat(64))).isEmpty();
    }

    @Test
    void theSameKeyOfAnotherPrincipalOrOrganizationIsAnotherKey() {
        store.claim(OLIVIAS, FINGERPRINT);

        assertThat(store.claim(new IdempotencyStore.Scope("acme", "ada", "k1"), FINGERPRINT)).isEmpty();
        assertThat(store.claim(new IdempotencyStore.Scope("globex", "olivia", "k1"), FINGERPRINT)).isEmpty();
    }

    @Test
    void theCleanupForgetsOnlyKeysOlderThanTheRetention() {
        IdempotencyCleanup cleanup = new IdempotencyCleanup(store, clock,
                new IdempotencyProperties(Duration.ofHours(48)));
        store.claim(OLIVIAS, FINGERPRINT);
        clock.advance(Duration.ofHours(47));
        IdempotencyStore.Scope younger = new IdempotencyStore.Scope("acme", "olivia", "k2");
        store.claim(younger, FINGERPRINT);
        clock.advance(Duration.ofHours(1).plusSeconds(1));

        cleanup.deleteExpired();

        assertThat(store.claim(OLIVIAS, "b".repeat(64))).as("forgotten").isEmpty();
        assertThat(store.claim(younger, FINGERPRINT)).as("still kept").isPresent();
    }

    @Test
    void aRetentionShorterThanThePromised24HoursIsRefused() {
        assertThatThrownBy(() -> new IdempotencyProperties(Duration.ofHours(23)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least");
    }

    static final class SettableClock extends Clock {

        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

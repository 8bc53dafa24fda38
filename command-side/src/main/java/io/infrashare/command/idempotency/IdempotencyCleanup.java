package io.infrashare.command.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;

/** Forgets keys once they are older than the retention, in the background rather than on a request. */
@Component
class IdempotencyCleanup {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanup.class);

    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration retention;

    IdempotencyCleanup(IdempotencyStore store, Clock clock, IdempotencyProperties properties) {
        this.store = store;
        this.clock = clock;
        this.retention = properties.retention();
    }

    /** Hourly is plenty: a key lives at least the retention, and an hour more changes nothing. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void deleteExpired() {
        int deleted = store.deleteCreatedBefore(clock.instant().minus(retention));
        if (deleted > 0) {
            log.info("Forgot {} idempotency keys older than {}", deleted, retention);
        }
    }
}

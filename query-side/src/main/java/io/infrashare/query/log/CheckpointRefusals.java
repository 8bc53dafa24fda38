package io.infrashare.query.log;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The checkpoints refused since this process started, for metrics and health: the counter
 * {@code infrashare.log.checkpoints.refused} tagged with the reason, the last refusal, and every fork. The record's
 * place and key are kept, never its contents; the log line of each refusal says the rest.
 */
@Component
class CheckpointRefusals {

    static final String COUNTER = "infrashare.log.checkpoints.refused";

    private final MeterRegistry meters;
    private final Clock clock;
    private final AtomicLong count = new AtomicLong();
    private final AtomicReference<Refused> last = new AtomicReference<>();
    private final List<Fork> forks = new CopyOnWriteArrayList<>();

    CheckpointRefusals(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
        // every reason is registered up front, so the metric is visible (at 0) before the first refusal
        Arrays.stream(CheckpointRefused.Reason.values()).forEach(this::counter);
    }

    void refused(String organization, String record, CheckpointRefused refusal) {
        counter(refusal.reason()).increment();
        count.incrementAndGet();
        Instant at = clock.instant();
        last.set(new Refused(organization, refusal.reason().tag(), record, at));
        if (refusal.reason() == CheckpointRefused.Reason.FORK) {
            forks.add(new Fork(organization, refusal.size(), record, at));
        }
    }

    long count() {
        return count.get();
    }

    Optional<Refused> last() {
        return Optional.ofNullable(last.get());
    }

    List<Fork> forks() {
        return List.copyOf(forks);
    }

    private Counter counter(CheckpointRefused.Reason reason) {
        return Counter.builder(COUNTER)
                .description("Checkpoints of the checkpoint topic that this side refused")
                .tag("reason", reason.tag())
                .register(meters);
    }

    /** @param organization the record's key, as it came */
    record Refused(String organization, String reason, String record, Instant at) {
    }

    /** A signed checkpoint whose root at {@code size} is not that of this side's log. */
    record Fork(String organization, Long size, String record, Instant at) {
    }
}

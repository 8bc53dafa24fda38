package io.infrashare.query.ingest;

import io.infrashare.events.Topic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The records parked on the dead-letter topic since this process started, for metrics and health. The counter
 * {@code infrashare.projection.dead.lettered} is tagged with the reason: {@code unreadable} for a record this side
 * cannot understand, {@code untrusted} for one that does not fit its organization's log, {@code failed} for an event
 * whose application kept failing and that could not even be recorded as not applied.
 */
@Component
class DeadLetters {

    static final String COUNTER = "infrashare.projection.dead.lettered";

    private final MeterRegistry meters;
    private final Clock clock;
    private final AtomicLong count = new AtomicLong();
    private final AtomicReference<Parked> last = new AtomicReference<>();

    DeadLetters(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
        // both reasons are registered up front, so the metric is visible (at 0) before the first dead letter
        counter(Reason.UNREADABLE);
        counter(Reason.UNTRUSTED);
        counter(Reason.FAILED);
    }

    void parked(ConsumerRecord<?, ?> record, Throwable cause) {
        Reason reason = cause instanceof UntrustedRecord ? Reason.UNTRUSTED
                : cause instanceof UnreadableRecord ? Reason.UNREADABLE : Reason.FAILED;
        counter(reason).increment();
        count.incrementAndGet();
        last.set(new Parked(EventRecords.header(record, Topic.Headers.ID), EventRecords.header(record, Topic.Headers.TYPE),
                record.topic() + "-" + record.partition() + "@" + record.offset(), reason.tag, clock.instant()));
    }

    long count() {
        return count.get();
    }

    Optional<Parked> last() {
        return Optional.ofNullable(last.get());
    }

    private Counter counter(Reason reason) {
        return Counter.builder(COUNTER)
                .description("Records the projections could not apply, parked on the dead-letter topic")
                .tag("reason", reason.tag)
                .register(meters);
    }

    /** The reason is a category, not the exception's message: health details must not echo record contents. */
    record Parked(String id, String type, String record, String reason, Instant at) {
    }

    private enum Reason {
        UNREADABLE("unreadable"), UNTRUSTED("untrusted"), FAILED("failed");

        private final String tag;

        Reason(String tag) {
            this.tag = tag;
        }
    }
}

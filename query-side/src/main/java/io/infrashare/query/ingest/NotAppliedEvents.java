package io.infrashare.query.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * What happens to an event the read models keep failing to apply: it is recorded in the audit log at its
 * organization's next position, marked as not applied, and the stream goes on. The counter
 * {@code infrashare.projection.not.applied} counts such events since start; the marks standing in the database are
 * counted for health.
 */
@Component
class NotAppliedEvents {

    static final String COUNTER = "infrashare.projection.not.applied";
    private static final Logger log = LoggerFactory.getLogger(NotAppliedEvents.class);

    private final EventRecords records;
    private final Projector projector;
    private final JdbcClient jdbc;
    private final Counter recorded;

    NotAppliedEvents(EventRecords records, Projector projector, JdbcClient jdbc, MeterRegistry meters) {
        this.records = records;
        this.projector = projector;
        this.jdbc = jdbc;
        this.recorded = Counter.builder(COUNTER)
                .description("Events recorded in the audit log but not applied to the other read models")
                .register(meters);
    }

    /**
     * Records the event of a record whose application kept failing. Throws if it cannot: the record then goes to the
     * error handler's last resort.
     */
    void record(ConsumerRecord<?, ?> record, Throwable failure) {
        @SuppressWarnings("unchecked")
        IncomingEvent incoming = records.decode((ConsumerRecord<String, byte[]>) record);
        NotApplied reason = NotApplied.of(failure);
        Optional<AppliedEvent> applied = projector.recordNotApplied(incoming, reason);
        if (applied.isEmpty()) {
            log.warn("Event {} was applied meanwhile; there is nothing to mark", incoming.id());
            return;
        }
        recorded.increment();
        log.error("Event {} ({}) of {} could not be applied to the read models after retries ({}); its audit entry, "
                        + "at position {}, is marked as not applied until a rebuild applies it",
                incoming.id(), incoming.event().eventType(), incoming.event().organization(), reason.category(),
                applied.get().position(), failure);
    }

    /** The audit entries marked as not applied, of every organization. */
    long standing() {
        return jdbc.sql("select count(*) from not_applied_event").query(Long.class).single();
    }
}

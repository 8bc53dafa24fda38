package io.infrashare.query.ingest;

import io.infrashare.events.InfrashareEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Applies an event to every read model in one transaction, together with the record that it was applied and the
 * position it took: a read model never holds half an event, and an event redelivered by Kafka changes nothing. A run
 * of events may share one transaction, which is how the topic is read: one commit per poll instead of one per event.
 */
@Component
public class Projector {

    private static final Logger log = LoggerFactory.getLogger(Projector.class);

    private final JdbcClient jdbc;
    private final Positions positions;
    private final List<Projection> projections;
    private final Clock clock;

    Projector(JdbcClient jdbc, Positions positions, List<Projection> projections, Clock clock) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.projections = projections;
        this.clock = clock;
    }

    /**
     * Applies the events in order in one transaction: all of them, or, if one fails, none. An event applied before
     * (here or earlier in the list) is skipped.
     *
     * @return how many were applied
     */
    @Transactional
    public int applyAll(List<IncomingEvent> events) {
        int applied = 0;
        for (IncomingEvent incoming : events) {
            if (apply(incoming).isPresent()) {
                applied++;
            }
        }
        return applied;
    }

    /** @return the event as applied, or empty if an event with this id was applied before */
    @Transactional
    public Optional<AppliedEvent> apply(IncomingEvent incoming) {
        InfrashareEvent event = incoming.event();
        if (alreadyApplied(incoming.id())) {
            log.debug("Skipped {} {}: already applied", event.eventType(), incoming.id());
            return Optional.empty();
        }
        AppliedEvent applied = new AppliedEvent(incoming.id(), positions.next(event.organization()), event);
        record(applied);
        projections.forEach(projection -> projection.apply(applied));
        log.debug("Applied {} {} at position {} of {}", event.eventType(), applied.id(), applied.position(),
                event.organization());
        return Optional.of(applied);
    }

    private boolean alreadyApplied(String eventId) {
        return jdbc.sql("select count(*) from applied_event where event_id = :id")
                .param("id", eventId)
                .query(Long.class)
                .single() > 0;
    }

    private void record(AppliedEvent applied) {
        InfrashareEvent event = applied.event();
        jdbc.sql("""
                        insert into applied_event (event_id, organization, position, type, occurred_at, applied_at)
                        values (:id, :organization, :position, :type, :occurredAt, :appliedAt)""")
                .param("id", applied.id())
                .param("organization", event.organization().value())
                .param("position", applied.position())
                .param("type", event.eventType())
                .param("occurredAt", OffsetDateTime.ofInstant(event.provenance().occurredAt(), ZoneOffset.UTC))
                .param("appliedAt", OffsetDateTime.now(clock))
                .update();
    }
}

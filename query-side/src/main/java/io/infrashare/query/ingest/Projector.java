package io.infrashare.query.ingest;

import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.OrganizationId;
import io.infrashare.query.log.OrganizationLogs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Types;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies an event to every read model in one transaction, together with the record that it was applied and the
 * position it took: a read model never holds half an event, and an event redelivered by Kafka changes nothing. A run
 * of events may share one transaction, which is how the topic is read: one commit per poll instead of one per event.
 * Such a run asks once which of its events were applied before, takes each organization's positions at once, and
 * writes the records of applied events (and the audit log) as batches at commit. An event that came from the topic is
 * appended to its organization's log in the same transaction, so the log holds exactly the events applied.
 */
@Component
public class Projector {

    private static final Logger log = LoggerFactory.getLogger(Projector.class);
    private static final String RECORD_APPLIED = """
            insert into applied_event (event_id, organization, position, type, occurred_at, applied_at)
            values (:id, :organization, :position, :type, :occurredAt, :appliedAt)""";
    private static final String MARK_NOT_APPLIED = """
            insert into not_applied_event (organization, position, category, read_model, message, since)
            values (:organization, :position, :category, :readModel, :message, :since)""";

    private final JdbcClient jdbc;
    private final Positions positions;
    private final DeferredInserts inserts;
    private final List<Projection> projections;
    private final List<Projection> eventLogs;
    private final OrganizationLogs logs;
    private final Clock clock;

    Projector(JdbcClient jdbc, Positions positions, DeferredInserts inserts, List<Projection> projections,
              OrganizationLogs logs, Clock clock) {
        this.jdbc = jdbc;
        this.logs = logs;
        this.positions = positions;
        this.inserts = inserts;
        this.projections = projections;
        this.eventLogs = projections.stream().filter(EventLog.class::isInstance).toList();
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
        return applyInOrder(events, projections).size();
    }

    /** @return the event as applied, or empty if an event with this id was applied before */
    @Transactional
    public Optional<AppliedEvent> apply(IncomingEvent incoming) {
        return applyInOrder(List.of(incoming), projections).stream().findFirst();
    }

    /**
     * Records an event the read models could not apply: it takes its organization's next position and is applied to
     * the {@link EventLog}s alone, marked as not applied for the reason given. The organization's later events then
     * follow it; a rebuild that applies it takes the mark away.
     *
     * @return the event as recorded, or empty if an event with this id was applied before
     */
    @Transactional
    public Optional<AppliedEvent> recordNotApplied(IncomingEvent incoming, NotApplied reason) {
        Optional<AppliedEvent> recorded = applyInOrder(List.of(incoming), eventLogs).stream().findFirst();
        recorded.ifPresent(event -> inserts.add(MARK_NOT_APPLIED, new MapSqlParameterSource()
                .addValue("organization", event.event().organization().value())
                .addValue("position", event.position())
                .addValue("category", reason.category())
                .addValue("readModel", reason.readModel(), Types.VARCHAR)
                .addValue("message", reason.message())
                .addValue("since", OffsetDateTime.now(clock))));
        return recorded;
    }

    private List<AppliedEvent> applyInOrder(List<IncomingEvent> events, List<Projection> readModels) {
        List<IncomingEvent> fresh = notAppliedBefore(events);
        // each organization's count of fresh events, then its next position; the organizations' rows are locked in
        // one order, so that two transactions never wait for each other
        Map<OrganizationId, Long> next = new TreeMap<>(Comparator.comparing(OrganizationId::value));
        fresh.forEach(incoming -> next.merge(incoming.event().organization(), 1L, Long::sum));
        next.replaceAll(positions::take);
        List<AppliedEvent> applied = new ArrayList<>(fresh.size());
        List<OrganizationLogs.Logged> logged = new ArrayList<>(fresh.size());
        for (IncomingEvent incoming : fresh) {
            InfrashareEvent event = incoming.event();
            AppliedEvent one = new AppliedEvent(incoming.id(), next.merge(event.organization(), 1L, Long::sum) - 1,
                    event);
            record(one);
            readModels.forEach(readModel -> apply(readModel, one));
            log.debug("Applied {} {} at position {} of {}", event.eventType(), one.id(), one.position(),
                    event.organization());
            applied.add(one);
            if (incoming.seal() != null) {
                logged.add(new OrganizationLogs.Logged(incoming.id(), event.organization(), incoming.seal()));
            }
        }
        logs.append(logged);
        return applied;
    }

    private static void apply(Projection readModel, AppliedEvent event) {
        try {
            readModel.apply(event);
        } catch (RuntimeException e) {
            throw new ReadModelFailed(NotApplied.nameOf(readModel), e);
        }
    }

    /** The events whose ids were not applied before, nor earlier in the list. */
    private List<IncomingEvent> notAppliedBefore(List<IncomingEvent> events) {
        inserts.flush(); // events applied earlier in this transaction, by another call
        // a join rather than `in` or `= any`: while a read model is rebuilt into an empty database, its statistics
        // say the table is tiny and PostgreSQL scans it, comparing each row with each id of the poll; a join hashes them
        Set<String> seen = new HashSet<>(jdbc.sql("""
                        select a.event_id from applied_event a join unnest(:ids) as i(id) on a.event_id = i.id""")
                .param("ids", events.stream().map(IncomingEvent::id).toArray(String[]::new))
                .query(String.class)
                .list());
        List<IncomingEvent> fresh = new ArrayList<>(events.size());
        for (IncomingEvent incoming : events) {
            if (seen.add(incoming.id())) {
                fresh.add(incoming);
            } else {
                log.debug("Skipped {} {}: already applied", incoming.event().eventType(), incoming.id());
            }
        }
        return fresh;
    }

    private void record(AppliedEvent applied) {
        InfrashareEvent event = applied.event();
        inserts.add(RECORD_APPLIED, new MapSqlParameterSource()
                .addValue("id", applied.id())
                .addValue("organization", event.organization().value())
                .addValue("position", applied.position())
                .addValue("type", event.eventType())
                .addValue("occurredAt", OffsetDateTime.ofInstant(event.provenance().occurredAt(), ZoneOffset.UTC))
                .addValue("appliedAt", OffsetDateTime.now(clock)));
    }
}

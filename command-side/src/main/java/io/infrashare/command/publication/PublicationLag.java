package io.infrashare.command.publication;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * How far publication trails the event store, per streaming processor: the number of stored events beyond the
 * processor's token. It is read from the database, not from this node's processor, because with several
 * command-side nodes only one of them holds the token's claim and publishes. Reported as the {@code publication}
 * health component, which stays UP (a broker outage delays publication and loses nothing), and as the gauge
 * {@code infrashare.publication.lag}.
 */
@Component("publication")
class PublicationLag implements HealthIndicator {

    /** Health and every scrape ask within this time share one measurement. */
    private static final Duration FRESH = Duration.ofSeconds(1);

    /**
     * @param head     the global index of the newest stored event
     * @param position the processor's position in that sequence, {@code null} before it first ran
     * @param lag      stored events beyond the position
     * @param owner    the node holding the token's claim, if any
     */
    record Lag(long head, Long position, long lag, String owner) {
    }

    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final EventProcessingConfiguration processing;
    private final MeterRegistry meters;
    private final Clock clock;
    private List<String> processors = List.of();
    private Map<String, Lag> measured = Map.of();
    private Instant measuredAt = Instant.MIN;

    PublicationLag(JdbcClient jdbc, @Qualifier("serializer") Serializer serializer,
                   EventProcessingConfiguration processing, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.processing = processing;
        this.meters = meters;
        this.clock = clock;
    }

    /** Once Axon has built its processors: asking for them earlier would build them before all handlers exist. */
    @EventListener(ApplicationReadyEvent.class)
    synchronized void registerGauges() {
        processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(EventProcessor::getName)
                .sorted()
                .toList();
        measuredAt = Instant.MIN;
        for (String processor : processors) {
            Gauge.builder("infrashare.publication.lag", () -> lag(processor))
                    .tag("processor", processor)
                    .description("Stored events the processor has not handled yet (for the Kafka publisher: not "
                            + "yet published)")
                    .register(meters);
        }
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        current().forEach((processor, lag) -> {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("head", lag.head());
            figures.put("position", lag.position());
            figures.put("lag", lag.lag());
            figures.put("owner", lag.owner());
            details.put(processor, figures);
        });
        return Health.up().withDetails(details).build();
    }

    private long lag(String processor) {
        Lag lag = current().get(processor);
        return lag == null ? 0 : lag.lag();
    }

    synchronized Map<String, Lag> current() {
        Instant now = clock.instant();
        if (now.isAfter(measuredAt.plus(FRESH))) {
            Map<String, Lag> lags = new LinkedHashMap<>();
            processors.forEach(processor -> lags.put(processor, measure(processor)));
            measured = lags;
            measuredAt = now;
        }
        return measured;
    }

    /**
     * The events beyond the position of the segment furthest behind. A gap-aware token's gaps are global indexes
     * that were not visible when it moved on: almost always sequence numbers of rolled-back transactions, so they
     * are not counted.
     */
    private Lag measure(String processor) {
        long head = jdbc.sql("select coalesce(max(globalIndex), -1) from DomainEventEntry")
                .query(Long.class).single();
        List<Token> tokens = jdbc.sql("""
                        select token, tokenType, owner from TokenEntry
                        where processorName = :processor and tokenType is not null""")
                .param("processor", processor)
                .query((row, number) -> new Token(position(row.getBytes("token"), row.getString("tokenType")),
                        row.getString("owner")))
                .list();
        Long position = tokens.isEmpty() ? null
                : tokens.stream().mapToLong(Token::position).min().orElse(-1);
        long lag = jdbc.sql("select count(*) from DomainEventEntry where globalIndex > :position")
                .param("position", position == null ? -1 : position)
                .query(Long.class).single();
        String owner = tokens.stream().map(Token::owner).filter(Objects::nonNull).findFirst().orElse(null);
        return new Lag(head, position, lag, owner);
    }

    private record Token(long position, String owner) {
    }

    private long position(byte[] token, String type) {
        TrackingToken tracking = serializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
        OptionalLong position = tracking == null ? OptionalLong.empty() : tracking.position();
        return position.orElse(-1);
    }
}

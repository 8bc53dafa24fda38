package io.infrashare.query.ingest;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code projection} health component. A parked record does not make the side DOWN: the stream skipped it and
 * carries on, and the record waits on the dead-letter topic for an operator. The details say how many records were
 * parked since start and which was the last, so that it is seen, how many audit entries stand marked as not applied
 * (events the read models could not apply, which a rebuild may), and how many records the projections trail the
 * topic by. Lag does not make it DOWN either: the answers are late, not wrong, and carry their position.
 */
@Component
class ProjectionHealthIndicator implements HealthIndicator {

    private final DeadLetters deadLetters;
    private final NotAppliedEvents notApplied;
    private final JdbcClient jdbc;
    private final KafkaListenerEndpointRegistry listeners;
    private final IngestProperties properties;
    private final ProjectionLag lag;

    ProjectionHealthIndicator(DeadLetters deadLetters, NotAppliedEvents notApplied, JdbcClient jdbc, KafkaListenerEndpointRegistry listeners,
                              IngestProperties properties, ProjectionLag lag) {
        this.deadLetters = deadLetters;
        this.notApplied = notApplied;
        this.jdbc = jdbc;
        this.listeners = listeners;
        this.properties = properties;
        this.lag = lag;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        MessageListenerContainer container = listeners.getListenerContainer(TopicListener.ID);
        details.put("listening", container != null && container.isRunning());
        details.put("organizations", jdbc.sql("select count(*) from organization_position").query(Long.class).single());
        details.put("deadLetterTopic", properties.deadLetterTopic());
        details.put("deadLettered", deadLetters.count());
        deadLetters.last().ifPresent(parked -> details.put("lastDeadLettered", parked));
        details.put("notApplied", notApplied.standing());
        ProjectionLag.Measurement measured = lag.last();
        details.put("lag", measured.lag());
        details.put("lagByPartition", measured.byPartition());
        details.put("lagMeasuredAt", measured.measuredAt());
        if (measured.error() != null) {
            details.put("lagError", measured.error());
        }
        return Health.up().withDetails(details).build();
    }
}

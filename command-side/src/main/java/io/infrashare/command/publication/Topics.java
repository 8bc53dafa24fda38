package io.infrashare.command.publication;

import io.infrashare.command.log.LogProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Creates the events topic and the checkpoint topic when the broker can be reached, in the background: commands are
 * accepted and stored while the broker is down, so start-up must not wait for it. The events topic is the query
 * side's replay source, and the checkpoints are what a log is checked against, so both keep their records for ever;
 * both are keyed by organization and partitioned alike.
 */
@Component
class Topics implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Topics.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private final KafkaAdmin admin;
    private final NewTopic events;
    private final NewTopic checkpoints;
    private ScheduledExecutorService executor;

    Topics(KafkaAdmin admin, PublicationProperties properties, LogProperties logs) {
        this.admin = admin;
        this.events = keptForEver(properties.topic(), properties);
        this.checkpoints = keptForEver(logs.checkpointTopic(), properties);
    }

    private static NewTopic keptForEver(String name, PublicationProperties properties) {
        return TopicBuilder.name(name)
                .partitions(properties.partitions())
                .replicas(properties.replicationFactor())
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .build();
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "topics"));
        executor.execute(() -> ensure(FIRST_RETRY));
    }

    private void ensure(Duration retry) {
        try {
            admin.createOrModifyTopics(events, checkpoints);
            log.info("Topics {} and {} are ready ({} partitions, replication factor {})", events.name(),
                    checkpoints.name(), events.numPartitions(), events.replicationFactor());
        } catch (RuntimeException e) {
            log.warn("Topics {} and {} could not be checked ({}); retrying in {}s", events.name(), checkpoints.name(),
                    e.getMessage(), retry.toSeconds());
            Duration next = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            executor.schedule(() -> ensure(next), retry.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() {
        executor.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return executor != null && !executor.isShutdown();
    }
}

package io.infrashare.command.publication;

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
 * Creates the events topic when the broker can be reached, in the background: commands are accepted and stored
 * while the broker is down, so start-up must not wait for it. The topic is the query side's replay source, so its
 * records are kept for ever.
 */
@Component
class EventsTopic implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventsTopic.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private final KafkaAdmin admin;
    private final NewTopic topic;
    private ScheduledExecutorService executor;

    EventsTopic(KafkaAdmin admin, PublicationProperties properties) {
        this.admin = admin;
        this.topic = TopicBuilder.name(properties.topic())
                .partitions(properties.partitions())
                .replicas(properties.replicationFactor())
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .build();
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "events-topic"));
        executor.execute(() -> ensure(FIRST_RETRY));
    }

    private void ensure(Duration retry) {
        try {
            admin.createOrModifyTopics(topic);
            log.info("Events topic {} is ready ({} partitions, replication factor {})", topic.name(),
                    topic.numPartitions(), topic.replicationFactor());
        } catch (RuntimeException e) {
            log.warn("Events topic {} could not be checked ({}); retrying in {}s", topic.name(), e.getMessage(),
                    retry.toSeconds());
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

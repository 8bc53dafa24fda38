package io.infrashare.query.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How far the projections trail the topic: for each partition, the records after the consumer group's committed
 * offset (from the partition's start if the group has none yet). Measured in the background every
 * {@code infrashare.lag.interval}, so that neither health nor a metrics scrape waits for the broker; when the
 * broker cannot be reached the last figure stays, with the instant it was measured. The figure counts records, and
 * the topic may hold an event more than once (publication is at least once).
 */
@Component
class ProjectionLag implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionLag.class);
    private static final long TIMEOUT_SECONDS = 5;

    /** A measurement: the total and per partition, or {@code null} before the first one succeeded. */
    record Measurement(Long lag, Map<Integer, Long> byPartition, Instant measuredAt, String error) {
    }

    private final KafkaAdmin kafkaAdmin;
    private final String topic;
    private final String group;
    private final IngestProperties properties;
    private final Clock clock;
    private volatile Measurement last = new Measurement(null, Map.of(), null, "not measured yet");
    private ScheduledExecutorService executor;
    private Admin admin;

    ProjectionLag(KafkaAdmin kafkaAdmin, KafkaProperties kafka, IngestProperties properties, MeterRegistry meters,
                  Clock clock) {
        this.kafkaAdmin = kafkaAdmin;
        this.topic = properties.topic();
        this.group = kafka.getConsumer().getGroupId();
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("infrashare.projection.lag", () -> last.lag() == null ? Double.NaN : last.lag())
                .tag("processor", TopicListener.ID)
                .description("Records on the topic the projections have not applied yet")
                .register(meters);
    }

    Measurement last() {
        return last;
    }

    @Override
    public void start() {
        admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "projection-lag"));
        long interval = properties.lag().interval().toMillis();
        executor.scheduleWithFixedDelay(this::measure, 0, interval, TimeUnit.MILLISECONDS);
    }

    void measure() {
        try {
            Map<TopicPartition, Long> ends = offsets(OffsetSpec.latest());
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, Long> starts = offsets(OffsetSpec.earliest());
            Map<Integer, Long> byPartition = new TreeMap<>();
            ends.forEach((partition, end) -> {
                OffsetAndMetadata offset = committed.get(partition);
                long from = offset == null ? starts.getOrDefault(partition, 0L) : offset.offset();
                byPartition.put(partition.partition(), Math.max(0, end - from));
            });
            long lag = byPartition.values().stream().mapToLong(Long::longValue).sum();
            last = new Measurement(lag, byPartition, clock.instant(), null);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.debug("Projection lag not measured: {}", e.toString());
            last = new Measurement(last.lag(), last.byPartition(), last.measuredAt(),
                    "broker unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Map<TopicPartition, Long> offsets(OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic).partitions().stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .collect(Collectors.toMap(Function.identity(), partition -> spec));
        return admin.listOffsets(partitions).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    @Override
    public void stop() {
        executor.shutdownNow();
        admin.close(Duration.ofSeconds(TIMEOUT_SECONDS));
    }

    @Override
    public boolean isRunning() {
        return executor != null && !executor.isShutdown();
    }
}

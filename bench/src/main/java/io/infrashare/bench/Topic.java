package io.infrashare.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.infrashare.events.EventCodec;
import io.infrashare.events.UnreadableEventException;
import io.infrashare.query.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches the events topic as a downstream consumer would, noting when each probe's event arrived, by the
 * client's correlation id its request carried (kept in the event as {@code clientReference}): that splits the end-to-end time at the topic.
 */
final class Topic implements AutoCloseable {

    private static final EventCodec EVENTS = new EventCodec(new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    Topic(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        thread = new Thread(this::follow, "topic-watch");
        thread.start();
    }

    private void follow() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                    long now = System.nanoTime();
                    String id = clientReference(record);
                    if (id.startsWith("probe-")) {
                        arrivals.putIfAbsent(id, now);
                    }
                });
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    /** The client's own correlation id its request carried, which the event keeps as its reference. */
    private static String clientReference(ConsumerRecord<String, byte[]> record) {
        try {
            String reference = EVENTS.decode(TopicRecords.wire(record)).event().provenance().clientReference();
            return reference == null ? "" : reference;
        } catch (UnreadableEventException e) {
            return "";
        }
    }

    /** When the probe's event with this correlation id arrived ({@link System#nanoTime()}), or 0 if it has not. */
    long seen(String correlationId) {
        return arrivals.getOrDefault(correlationId, 0L);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join();
    }
}

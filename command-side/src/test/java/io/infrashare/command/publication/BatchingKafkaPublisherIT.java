package io.infrashare.command.publication;

import io.infrashare.testing.KafkaBroker;
import io.infrashare.testing.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The publisher against a real broker: a batch's records reach the topic in the order they were handled, and a record
 * the producer refuses keeps the batch's later records off the topic.
 */
class BatchingKafkaPublisherIT {

    private static final int MAX_REQUEST_SIZE = 10_000;

    private static KafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = TestInfrastructure.startKafka(1, false, Set.of());
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aBatchReachesTheTopicInTheOrderItWasHandledBeforeItCommits() throws Exception {
        String topic = topic("ordered");
        BatchingKafkaPublisher publisher = publisher(topic);
        List<String> keys = IntStream.range(0, 200).mapToObj(i -> "acme:" + i).toList();
        AtomicBoolean committed = new AtomicBoolean();

        inOneBatch(publisher, keys, committed);

        assertThat(committed).isTrue();
        assertThat(read(topic, keys.size())).containsExactlyElementsOf(keys);
        publisher.shutDown();
    }

    @Test
    void aRecordTheProducerRefusesKeepsTheBatchsLaterRecordsOffTheTopic() throws Exception {
        String topic = topic("refused");
        BatchingKafkaPublisher publisher = publisher(topic);
        AtomicBoolean committed = new AtomicBoolean();
        String tooLarge = "acme:" + "x".repeat(MAX_REQUEST_SIZE);

        assertThatThrownBy(() -> inOneBatch(publisher, List.of("acme:1", tooLarge, "acme:3"), committed))
                .isInstanceOf(EventPublicationFailedException.class)
                .hasMessageContaining("larger than");
        assertThat(committed).isFalse();

        // a later batch goes through a new producer; acme:1 was abandoned with the failed one's producer, unless
        // Kafka had taken it already, and acme:3 was never sent
        inOneBatch(publisher, List.of("acme:4"), committed);
        assertThat(committed).isTrue();
        assertThat(read(topic, 1)).doesNotContain("acme:3").endsWith("acme:4");
        publisher.shutDown();
    }

    private static void inOneBatch(BatchingKafkaPublisher publisher, List<String> keys, AtomicBoolean committed) {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.onCommit(unitOfWork -> committed.set(true));
        try {
            keys.forEach(key -> publisher.send(GenericEventMessage.asEventMessage(key)));
        } catch (RuntimeException failed) {
            batch.rollback(failed);
            throw failed;
        }
        batch.commit();
    }

    private static BatchingKafkaPublisher publisher(String topic) {
        Map<String, Object> settings = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_SIZE,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new BatchingKafkaPublisher(() -> new KafkaProducer<>(settings),
                event -> oneOrganization(topic, event), Duration.ofSeconds(10));
    }

    private static String topic(String name) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, 3, (short) 1))).all().get();
        }
        return name;
    }

    /** The payloads on the topic, in the order of the records' partition, which is one for one organization. */
    private static List<String> read(String topic, int expected) {
        List<String> payloads = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (payloads.size() < expected && System.nanoTime() < until) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    payloads.add(new String(record.value(), StandardCharsets.UTF_8));
                }
            }
            // anything beyond what was expected would show here too
            consumer.poll(Duration.ofMillis(500)).forEach(record ->
                    payloads.add(new String(record.value(), StandardCharsets.UTF_8)));
        }
        return payloads;
    }

    /** Every record keyed by one organization, so all of them share a partition and its order. */
    private static ProducerRecord<String, byte[]> oneOrganization(String topic, EventMessage<?> event) {
        return new ProducerRecord<>(topic, "acme", ((String) event.getPayload()).getBytes(StandardCharsets.UTF_8));
    }
}

package io.infrashare.localkafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaTest {

    private static final String TOPIC = "infrashare.events";

    @TempDir
    Path dataDir;

    @Test
    void aProducedRecordIsStillThereAfterARestartOnTheSameFolder() throws Exception {
        int[] ports = freePorts();
        LocalKafka.Settings settings = new LocalKafka.Settings(dataDir, ports[0], ports[1]);

        try (LocalKafka kafka = LocalKafka.start(settings);
             KafkaProducer<String, String> producer = producer(kafka.bootstrapServers())) {
            producer.send(new ProducerRecord<>(TOPIC, "acme", "ResourceShared")).get();
            assertThat(readAll(kafka.bootstrapServers())).containsExactly("acme=ResourceShared");
        }

        try (LocalKafka restarted = LocalKafka.start(settings)) {
            assertThat(readAll(restarted.bootstrapServers())).containsExactly("acme=ResourceShared");
        }
    }

    /** Reads the topic from the beginning with a fresh group until it has seen a record. */
    private static List<String> readAll(String bootstrapServers) {
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record.key() + "=" + record.value());
                }
                return !seen.isEmpty();
            });
        }
        return seen;
    }

    private static KafkaProducer<String, String> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    private static int[] freePorts() throws IOException {
        try (ServerSocket broker = new ServerSocket(0); ServerSocket controller = new ServerSocket(0)) {
            return new int[] {broker.getLocalPort(), controller.getLocalPort()};
        }
    }
}

package io.infrashare.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestInfrastructureTest {

    @Test
    void eachDatabaseIsNewAndItsOwn() throws SQLException {
        Database first = TestInfrastructure.newDatabase();
        Database second = TestInfrastructure.newDatabase();

        try (Connection connection = first.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create table note (text varchar(20))");
            statement.execute("insert into note values ('kept')");
        }

        assertThat(second.url()).isNotEqualTo(first.url());
        try (Connection connection = second.dataSource().getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, "public", "note", null)) {
            assertThat(tables.next()).as("a table of another database").isFalse();
        }
    }

    @Test
    void aBrokerDeliversWhatWasSentToTheTopicsItWasGiven() {
        try (KafkaBroker broker = TestInfrastructure.startKafka(2, false, Set.of("notes"))) {
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("notes", "acme", "first")).get();
                producer.send(new ProducerRecord<>("notes", "acme", "second")).get();
            } catch (Exception e) {
                throw new AssertionError("the broker refused a record", e);
            }
            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "reader",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("notes"));
                List<String> read = new ArrayList<>();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (read.size() < 2 && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        read.add(record.value());
                    }
                }
                assertThat(read).containsExactly("first", "second");
                assertThat(consumer.partitionsFor("notes")).hasSize(2);
            }
        }
    }

    @Test
    void anUnknownChoiceIsRefusedWithTheChoicesThereAre() {
        assertThatThrownBy(() -> TestInfrastructure.choose("docker"))
                .hasMessageContaining("containers, embedded or auto");
    }
}

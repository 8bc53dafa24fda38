package io.infrashare.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.testcontainers.kafka.KafkaContainer;

import java.util.Map;
import java.util.concurrent.ExecutionException;

/** Apache Kafka in a container, at the version of the compose file and of the clients. */
final class ContainerKafka implements KafkaBroker {

    static final String IMAGE = "apache/kafka:3.9.1";

    private final KafkaContainer container;

    private ContainerKafka(KafkaContainer container) {
        this.container = container;
    }

    static ContainerKafka start(Settings settings) {
        KafkaContainer container = new KafkaContainer(IMAGE)
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", Boolean.toString(settings.autoCreateTopics()))
                .withEnv("KAFKA_NUM_PARTITIONS", Integer.toString(settings.partitions()));
        container.start();
        ContainerKafka kafka = new ContainerKafka(container);
        if (!settings.topics().isEmpty()) {
            kafka.createTopics(settings);
        }
        return kafka;
    }

    private void createTopics(Settings settings) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(settings.topics().stream()
                    .map(topic -> new NewTopic(topic, settings.partitions(), (short) 1))
                    .toList()).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the topics " + settings.topics(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the topics", e);
        }
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}

package io.infrashare.command.it;

import io.infrashare.command.CommandApplication;
import io.infrashare.testing.KafkaBroker;
import io.infrashare.testing.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The topic is the query side's replay source and the producer must never lose or reorder what Kafka acknowledged:
 * the command side creates the topic, and the checkpoints' beside it, as configured, with unlimited retention, and produces idempotently with
 * {@code acks=all}, waiting for the acknowledgement before its token moves on.
 */
class EventsTopicIT {

    private static final String TOPIC = "infrashare.events";

    private static KafkaBroker broker;
    private static ConfigurableApplicationContext commandSide;

    @BeforeAll
    static void start() {
        // the application creates the topic; a broker that did it on first use would hide a missing creation
        broker = TestInfrastructure.startKafka(1, false, Set.of());
        commandSide = new SpringApplicationBuilder(CommandApplication.class).run(
                TestInfrastructure.newDatabase().springArguments(
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                        "--infrashare.publication.partitions=4",
                        "--infrashare.publication.replication-factor=1"));
    }

    @AfterAll
    static void stop() {
        if (commandSide != null) {
            commandSide.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {TOPIC, "infrashare.checkpoints"})
    void theTopicIsCreatedWithTheConfiguredPartitionsAndReplicasAndKeepsEverything(String name) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> admin.listTopics().names().get().contains(name));

            TopicDescription topic = admin.describeTopics(List.of(name)).allTopicNames().get().get(name);
            assertThat(topic.partitions()).hasSize(4)
                    .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(1));
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
            Config config = admin.describeConfigs(Set.of(resource)).all().get().get(resource);
            assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
        }
    }

    @Test
    void theProducerIsIdempotentWaitsForAllReplicasAndForTheAcknowledgement() {
        // the settings the publisher's producers are made with
        Map<String, Object> settings = commandSide.getBean(KafkaProperties.class).buildProducerProperties(null);

        assertThat(String.valueOf(settings.get(ProducerConfig.ACKS_CONFIG))).isEqualTo("all");
        assertThat(String.valueOf(settings.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG))).isEqualTo("true");
        // the acknowledgements are awaited by the publishing processor's batch before its token moves on
        // (BatchingKafkaPublisherTest): the processor tracks the store, under the name its token has always had
        assertThat(commandSide.getBean(EventProcessingConfiguration.class)
                .eventProcessor("__axon-kafka-event-publishing-group", TrackingEventProcessor.class)).isPresent();
    }
}

package io.infrashare.command.it;

import io.infrashare.command.CommandApplication;
import io.infrashare.localkafka.LocalKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The event store is the source of truth: whatever it holds reaches the topic, whenever the broker can take it. */
class PublicationRecoveryIT {

    @TempDir
    Path data;

    private ConfigurableApplicationContext commandSide(String bootstrapServers, boolean publishing) {
        return new SpringApplicationBuilder(CommandApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("events").toAbsolutePath(),
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--axon.kafka.bootstrap-servers=" + bootstrapServers,
                "--axon.kafka.publisher.enabled=" + publishing);
    }

    private static Http http(ConfigurableApplicationContext context) {
        return new Http(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    private static String createProject(ConfigurableApplicationContext context, String abbreviation) {
        Http.Answer created = http(context).post("dev-ops", "/projects",
                "{\"name\":\"Shared Infra\",\"abbreviation\":\"" + abbreviation + "\",\"ownerTeam\":\"ops\"}");
        assertThat(created.status()).isEqualTo(201);
        return abbreviation;
    }

    private static boolean published(TopicReader topic, String project) {
        return topic.records().stream().anyMatch(record ->
                ("projects/" + project).equals(TopicReader.header(record, "ce_subject")));
    }

    @Test
    void eventsStoredBeforeThePublisherFirstRanArePublishedWhenItStarts() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        // its own property: the default one names the broker of the cached application contexts of other tests
        broker.brokerListProperty("publication-recovery.brokers");
        broker.afterPropertiesSet();
        try (TopicReader topic = new TopicReader(broker.getBrokersAsString(), "infrashare.events")) {
            try (var withoutPublisher = commandSide(broker.getBrokersAsString(), false)) {
                createProject(withoutPublisher, "early");
            }

            try (var withPublisher = commandSide(broker.getBrokersAsString(), true)) {
                createProject(withPublisher, "later");
                await().atMost(Duration.ofSeconds(60)).until(() -> published(topic, "later"));
                assertThat(published(topic, "early")).isTrue();
                assertThat(topic.types()).containsExactly("ProjectCreated", "ProjectCreated");
            }
        } finally {
            broker.destroy();
        }
    }

    @Test
    void commandsAreAcceptedWhileTheBrokerIsDownAndPublishedWhenItComesBack() throws IOException {
        LocalKafka.Settings broker = new LocalKafka.Settings(data.resolve("kafka"), freePort(), freePort());
        String bootstrap = "127.0.0.1:" + broker.port();
        try (var commandSide = commandSide(bootstrap, true)) {
            createProject(commandSide, "offline");

            try (LocalKafka kafka = LocalKafka.start(broker);
                 TopicReader topic = new TopicReader(kafka.bootstrapServers(), "infrashare.events")) {
                await().atMost(Duration.ofSeconds(120)).until(() -> published(topic, "offline"));
                createProject(commandSide, "online");
                await().atMost(Duration.ofSeconds(60)).until(() -> published(topic, "online"));
                assertThat(topic.records()).extracting(record -> TopicReader.header(record, "ce_subject"))
                        .containsExactly("projects/offline", "projects/online");
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

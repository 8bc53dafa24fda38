package io.infrashare.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrashare.command.CommandApplication;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.localkafka.LocalKafka;
import io.infrashare.testing.Database;
import io.infrashare.testing.KafkaBroker;
import io.infrashare.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The event store is the source of truth: whatever it holds reaches the topic, whenever the broker can take it. */
class PublicationRecoveryIT {

    /** The publishing processor, as operations know it (docs/operations.md). */
    private static final String PUBLICATION = "__axon-kafka-event-publishing-group";

    @TempDir
    Path data;

    /** The event store of the test's command sides, kept across their restarts. */
    private final Database events = TestInfrastructure.newDatabase();

    private ConfigurableApplicationContext commandSide(String bootstrapServers, boolean publishing) {
        return new SpringApplicationBuilder(CommandApplication.class).run(events.springArguments(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--infrashare.publication.enabled=" + publishing));
    }

    private static Api http(ConfigurableApplicationContext context) {
        return Api.localhost(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    private static String createProject(ConfigurableApplicationContext context, String abbreviation) {
        Answer created = http(context).as("dev-ops").post("/projects",
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
        try (KafkaBroker broker = TestInfrastructure.startKafka();
             TopicReader topic = new TopicReader(broker.bootstrapServers(), "infrashare.events")) {
            try (var withoutPublisher = commandSide(broker.bootstrapServers(), false)) {
                createProject(withoutPublisher, "early");
            }

            try (var withPublisher = commandSide(broker.bootstrapServers(), true)) {
                createProject(withPublisher, "later");
                await().atMost(Duration.ofSeconds(60)).until(() -> published(topic, "later"));
                assertThat(published(topic, "early")).isTrue();
                assertThat(topic.types()).containsExactly("ProjectCreated", "ProjectCreated");
            }
        }
    }

    /** A node that does not publish signs nothing: it starts without a signing key and seals no log. */
    @Test
    void aNodeThatDoesNotPublishNeedsNoKeyAndSealsNothing() {
        try (KafkaBroker broker = TestInfrastructure.startKafka();
             var withoutPublisher = new SpringApplicationBuilder(CommandApplication.class).run(events.springArguments(
                     "--server.port=0", "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                     "--infrashare.publication.enabled=false", "--infrashare.log.signing-key="))) {
            createProject(withoutPublisher, "unsealed");

            JdbcClient jdbc = withoutPublisher.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select (select count(*) from log_tree) + (select count(*) from log_checkpoint)")
                    .query(Long.class).single()).isZero();
        }
    }

    /** The publisher's lag as the {@code publication} health component shows it to a caller with a token. */
    private static long healthLag(ConfigurableApplicationContext context) {
        JsonNode publication = http(context).as("dev-operator").get("/actuator/health").body()
                .path("components").path("publication");
        assertThat(publication.path("status").asText()).isEqualTo("UP");
        return publication.path("details").path(PUBLICATION).path("lag").asLong(-1);
    }

    private static long metricLag(ConfigurableApplicationContext context) {
        return http(context).as("dev-operator").get("/actuator/metrics/infrashare.publication.lag?tag="
                        + "processor:" + PUBLICATION)
                .body().path("measurements").path(0).path("value").asLong(-1);
    }

    /**
     * The broker here is the stack's own local one rather than one from the test infrastructure: it has to be down
     * first and then come up at an address the command side was given before, on a port chosen here.
     */
    @Test
    void commandsAreAcceptedWhileTheBrokerIsDownAndPublishedWhenItComesBack() throws IOException {
        LocalKafka.Settings broker = new LocalKafka.Settings(data.resolve("kafka"), freePort(), freePort());
        String bootstrap = "127.0.0.1:" + broker.port();
        try (var commandSide = commandSide(bootstrap, true)) {
            createProject(commandSide, "offline");
            createProject(commandSide, "offline2");
            // the publisher may have taken the first event and be waiting for the broker with it: not published yet
            await().atMost(Duration.ofSeconds(10)).until(() -> healthLag(commandSide) == 2);
            assertThat(metricLag(commandSide)).isEqualTo(2);

            try (LocalKafka kafka = LocalKafka.start(broker);
                 TopicReader topic = new TopicReader(kafka.bootstrapServers(), "infrashare.events")) {
                await().atMost(Duration.ofSeconds(120)).until(() -> published(topic, "offline2"));
                await().atMost(Duration.ofSeconds(10)).until(() -> healthLag(commandSide) == 0);
                assertThat(metricLag(commandSide)).isZero();
                createProject(commandSide, "online");
                await().atMost(Duration.ofSeconds(60)).until(() -> published(topic, "online"));
                assertThat(topic.records()).extracting(record -> TopicReader.header(record, "ce_subject"))
                        .containsExactly("projects/offline", "projects/offline2", "projects/online");
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package io.infrashare.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.Topic;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.query.ingest.Positions;
import io.infrashare.query.ingest.ReadModelRebuild;
import io.infrashare.testing.KafkaBroker;
import io.infrashare.testing.WithKafka;
import io.infrashare.testing.WithPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.annotation.DirtiesContext;

import java.sql.ResultSetMetaData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.infrashare.query.AcmeStory.ACME;
import static io.infrashare.query.AcmeStory.everyKindOfEvent;
import static io.infrashare.query.AcmeStory.second;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator relies on, against a real broker: a poison record is parked and shows in metrics and health, and
 * the read models dropped and rebuilt from the topic are the ones the live stream built.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.consumer.group-id=operations-it",
        "infrashare.retry.interval=100ms",
        "infrashare.lag.interval=200ms"})
@WithPostgres
@WithKafka(partitions = 3, topics = Topic.NAME, autoCreateTopics = false)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsOverKafkaIT {

    @Autowired
    JdbcClient logs;
    /** Seals what the test publishes as the next entries of the logs this side holds. */
    private final LogSealer log = LogSealer.continuing(new DatabaseLogs(() -> logs));

    static final List<InfrashareEvent> STORY = everyKindOfEvent();

    @Autowired
    KafkaBroker broker;
    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    Positions positions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReadModelRebuild rebuild;
    @Autowired
    MeterRegistry meters;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeAll
    void publishTheStory() {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        records.add(TopicRecords.unreadable("poison", STORY.get(0), "ResourceTeleported", "{}", json));
        for (int i = 0; i < STORY.size(); i++) {
            records.add(TopicRecords.of(log, "acme-" + i, STORY.get(i), json));
        }
        try (var producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker.bootstrapServers()), new StringSerializer(),
                new ByteArraySerializer())) {
            records.forEach(producer::send);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> positions.current(ACME) == STORY.size());
    }

    @Test
    void aPoisonRecordIsCountedAndShownInHealthWhileTheServiceStaysUp() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(meters.get("infrashare.projection.dead.lettered").tag("reason", "unreadable").counter()
                        .count()).isGreaterThanOrEqualTo(1));

        Answer health = as("dev-operator").get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asText()).isEqualTo("UP");
        JsonNode projection = health.body().at("/components/projection");
        assertThat(projection.get("status").asText()).isEqualTo("UP");
        assertThat(projection.at("/details/deadLettered").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(projection.at("/details/deadLetterTopic").asText()).isEqualTo(Topic.NAME + ".DLT");
        assertThat(projection.at("/details/lastDeadLettered/id").asText()).isEqualTo("poison");
        assertThat(projection.at("/details/lastDeadLettered/type").asText()).isEqualTo("ResourceTeleported");
        assertThat(projection.at("/details/lastDeadLettered/reason").asText()).isEqualTo("unreadable");
        assertThat(projection.at("/details/organizations").asLong()).isEqualTo(1);
    }

    @Test
    void theLagCountsTheRecordsNotAppliedYetAndFallsToZeroOnceTheyAre() {
        await().atMost(Duration.ofSeconds(30)).until(() -> healthLag() == 0);
        MessageListenerContainer listener = listeners.getListenerContainer("projections");
        listener.stop();
        try {
            // the first three events again, as a publisher that crashed before storing its token sends them
            try (var producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker.bootstrapServers()), new StringSerializer(),
                    new ByteArraySerializer())) {
                for (int i = 0; i < 3; i++) {
                    producer.send(TopicRecords.of(log, "acme-" + i, STORY.get(i), json));
                }
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> healthLag() == 3);
            assertThat(meters.get("infrashare.projection.lag").tag("processor", "projections").gauge().value())
                    .isEqualTo(3);
        } finally {
            listener.start();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> healthLag() == 0);
        assertThat(meters.get("infrashare.projection.lag").tag("processor", "projections").gauge().value()).isZero();
        assertThat(positions.current(ACME)).as("redeliveries change nothing").isEqualTo(STORY.size());
    }

    private long healthLag() {
        return as("dev-operator").get("/actuator/health").body().at("/components/projection/details/lag")
                .asLong(-1);
    }

    @Test
    void healthIsUpOrDownForEveryoneButThePlatformsOperator() {
        Answer anonymous = Api.localhost(port).get("/actuator/health");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body().get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.body().has("components")).isFalse();

        for (String token : new String[]{"dev-globex", "dev-ops", "dev-admin", "dev-auditor"}) {
            JsonNode health = as(token).get("/actuator/health").body();
            assertThat(health.get("status").asText()).as(token).isEqualTo("UP");
            assertThat(health.has("components")).as(token + " sees no stack-wide figure").isFalse();
            assertThat(health.toString()).as(token).doesNotContain("organizations").doesNotContain("deadLetter");
        }
        assertThat(as("dev-operator").get("/actuator/health").body().at("/components/projection/details")
                .has("organizations")).isTrue();
    }

    @Test
    void metricsAreThePlatformsOperatorsOnly() {
        assertThat(Api.localhost(port).get("/actuator/metrics").status()).isEqualTo(401);
        for (String token : new String[]{"dev-globex", "dev-ops", "dev-admin", "dev-auditor"}) {
            for (String path : new String[]{"/actuator/metrics", "/actuator/metrics/infrashare.projection.applied",
                    "/actuator/prometheus"}) {
                Answer refused = as(token).get(path);
                assertThat(refused.status()).as(token + " " + path).isEqualTo(403);
                assertThat(refused.body().get("type").asText()).isEqualTo("/problems/forbidden");
            }
        }
        Answer applied = as("dev-operator").get("/actuator/metrics/infrashare.projection.applied");
        assertThat(applied.status()).isEqualTo(200);
    }

    @Test
    void thePlatformsOperatorReadsNoOrganizationsData() {
        Answer refused = as("dev-operator").get("/projects");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("detail").asText()).contains("belongs to no organization");
    }

    @Test
    void theRebuiltReadModelsAreTheOnesTheLiveStreamBuilt() {
        Map<String, List<String>> live = readModels();
        assertThat(live.values().stream().mapToInt(List::size).sum()).isGreaterThan(STORY.size());

        Answer answer = as("dev-operator").post("/admin/rebuild", null);

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body().at("/positions/acme").asLong()).isEqualTo(STORY.size());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(positions.current(ACME)).isEqualTo(STORY.size());
            assertThat(readModels()).isEqualTo(live);
        });
    }

    @Test
    void onlyThePlatformsOperatorRebuildsNotAnOrganizationsAdmin() {
        for (String token : new String[]{"dev-ops", "dev-admin", "dev-auditor", "dev-globex"}) {
            Answer answer = as(token).post("/admin/rebuild", null);

            assertThat(answer.status()).as(token).isEqualTo(403);
            assertThat(answer.body().get("type").asText()).isEqualTo("/problems/forbidden");
            assertThat(answer.body().toString()).doesNotContain("positions");
        }
    }

    /** Every row of every table the rebuild empties, sorted, without the wall-clock instant it was applied at. */
    private Map<String, List<String>> readModels() {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String table : rebuild.tables()) {
            List<String> rows = jdbc.query("select * from " + table, (rs, n) -> {
                ResultSetMetaData columns = rs.getMetaData();
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    if (!columns.getColumnName(i).equalsIgnoreCase("applied_at")) {
                        row.append(columns.getColumnName(i)).append('=').append(rs.getString(i)).append(';');
                    }
                }
                return row.toString();
            });
            tables.put(table, rows.stream().sorted().toList());
        }
        return tables;
    }

    private Api as(String token) {
        return Api.localhost(port).as(token);
    }
}

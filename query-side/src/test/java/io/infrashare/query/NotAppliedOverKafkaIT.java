package io.infrashare.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.Topic;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.query.ingest.AppliedEvent;
import io.infrashare.query.ingest.Positions;
import io.infrashare.query.ingest.Projection;
import io.infrashare.testing.KafkaBroker;
import io.infrashare.testing.WithKafka;
import io.infrashare.testing.WithPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.infrashare.query.AcmeStory.ACME;
import static io.infrashare.query.AcmeStory.ECOMM_PR42;
import static io.infrashare.query.AcmeStory.EU_VPC;
import static io.infrashare.query.AcmeStory.everyKindOfEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A read model refuses one event (a constraint of its table, as a read model whose schema lags the events would): the
 * event still gets its audit entry, marked as not applied with the reason, the organization's later events are
 * projected behind it, and once the constraint is gone a rebuild applies it and the mark goes away.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.consumer.group-id=not-applied-it",
        "infrashare.retry.interval=50ms",
        "infrashare.retry.max-retries=1"})
@WithPostgres
@WithKafka(partitions = 3, topics = Topic.NAME)
@DirtiesContext
@Import(NotAppliedOverKafkaIT.RefusingReadModel.class)
class NotAppliedOverKafkaIT {

    @Autowired
    JdbcClient logs;
    /** Seals what the test publishes as the next entries of the logs this side holds. */
    private final LogSealer log = LogSealer.continuing(new DatabaseLogs(() -> logs));

    static final List<InfrashareEvent> STORY = everyKindOfEvent();
    /** The EU VPC's reconfiguration, event 20 of 26: the preview environment's teardown and more follow it. */
    static final int REFUSED = 20;

    @Autowired
    KafkaBroker broker;
    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Positions positions;
    @Autowired
    MeterRegistry meters;

    @Test
    void anEventAReadModelRefusesIsInTheAuditLogMarkedUntilARebuildAppliesIt() {
        jdbc.sql("""
                create table refusing_read_model (
                    event_id varchar(200) primary key,
                    type     varchar(100) not null,
                    constraint no_reconfigurations check (type <> 'ResourceReconfigured'))""").update();
        publish(STORY);

        await().atMost(Duration.ofSeconds(30)).until(() -> positions.current(ACME) == STORY.size());

        JsonNode entries = audit().get("entries");
        assertThat(entries).hasSize(STORY.size());
        List<Long> notApplied = new ArrayList<>();
        entries.forEach(entry -> {
            if (!entry.get("applied").asBoolean()) {
                notApplied.add(entry.get("position").asLong());
            }
        });
        assertThat(notApplied).containsExactly((long) REFUSED);
        JsonNode refused = entries.get(REFUSED - 1);
        assertThat(refused.get("type").asText()).isEqualTo("ResourceReconfigured");
        assertThat(refused.get("eventId").asText()).isEqualTo("acme-" + (REFUSED - 1));
        assertThat(refused.at("/notApplied/category").asText()).isEqualTo("constraint-violated");
        assertThat(refused.at("/notApplied/readModel").asText()).isEqualTo("refusing");
        // PostgreSQL's message quotes the row; the entry says what happened in the query side's words only
        assertThat(refused.at("/notApplied/message").asText())
                .isEqualTo("The refusing read model could not apply the event: a constraint of its tables refused it.");
        assertThat(refused.at("/notApplied/since").asText()).isNotBlank();
        assertThat(refused.at("/data/attributes/cidr").asText()).isEqualTo("10.1.0.0/16");
        assertThat(entries.get(0).get("notApplied").isNull()).isTrue();

        // the events behind it were projected; the reconfiguration itself is missing from the read models
        Answer preview = as("dev-ecomm").get("/environments/" + ECOMM_PR42 + "/consumption");
        assertThat(preview.status()).isEqualTo(404);
        assertThat(preview.body().get("deletedAt").asText()).isEqualTo(AcmeStory.second(20).toString());
        assertThat(as("dev-ecomm").get("/resources/" + EU_VPC).body().at("/attributes").has("cidr")).isFalse();
        assertThat(meters.get("infrashare.projection.not.applied").counter().count()).isEqualTo(1);
        assertThat(meters.get("infrashare.projection.dead.lettered").tag("reason", "failed").counter().count())
                .isZero();
        assertThat(as("dev-operator").get("/actuator/health").body()
                .at("/components/projection/details/notApplied").asLong()).isEqualTo(1);

        jdbc.sql("alter table refusing_read_model drop constraint no_reconfigurations").update();
        assertThat(as("dev-operator").post("/admin/rebuild", null).status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(positions.current(ACME)).isEqualTo(STORY.size());
            JsonNode rebuilt = audit().get("entries").get(REFUSED - 1);
            assertThat(rebuilt.get("applied").asBoolean()).isTrue();
            assertThat(rebuilt.get("notApplied").isNull()).isTrue();
        });
        assertThat(as("dev-ecomm").get("/resources/" + EU_VPC).body().at("/attributes/cidr").asText())
                .isEqualTo("10.1.0.0/16");
        assertThat(jdbc.sql("select count(*) from refusing_read_model").query(Long.class).single())
                .isEqualTo(STORY.size());
        assertThat(as("dev-operator").get("/actuator/health").body()
                .at("/components/projection/details/notApplied").asLong()).isZero();
    }

    private void publish(List<InfrashareEvent> events) {
        try (var producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < events.size(); i++) {
                producer.send(TopicRecords.of(log, "acme-" + i, events.get(i), json));
            }
        }
    }

    private JsonNode audit() {
        Answer answer = as("dev-auditor").get("/audit");
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    private Api as(String token) {
        return Api.localhost(port).as(token);
    }

    /** Keeps each event it is handed in a table of its own, whose constraint the test adds and drops. */
    static class RefusingReadModel implements Projection {

        private final JdbcClient jdbc;

        RefusingReadModel(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public void apply(AppliedEvent applied) {
            jdbc.sql("insert into refusing_read_model (event_id, type) values (:id, :type)")
                    .param("id", applied.id())
                    .param("type", applied.event().eventType())
                    .update();
        }
    }
}

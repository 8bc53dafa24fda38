package io.infrashare.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.ProjectCreated;
import io.infrashare.events.ProjectId;
import io.infrashare.events.Topic;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.testing.KafkaBroker;
import io.infrashare.testing.WithKafka;
import io.infrashare.testing.WithPostgres;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;
import java.util.List;

import static io.infrashare.query.AcmeStory.ACME;
import static io.infrashare.query.AcmeStory.DEPLOYER_ROLE;
import static io.infrashare.query.AcmeStory.ECOMM_PR42;
import static io.infrashare.query.AcmeStory.ECOMM_STAGING;
import static io.infrashare.query.AcmeStory.EU_VPC;
import static io.infrashare.query.AcmeStory.US_VPC;
import static io.infrashare.query.AcmeStory.by;
import static io.infrashare.query.AcmeStory.ericSetsTheDefaultVpc;
import static io.infrashare.query.AcmeStory.everyKindOfEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every kind of event over the topic into every read model, one of them delivered again after it was replaced, and
 * the views asked over HTTP with the demo principals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka(partitions = 3, topics = Topic.NAME)
@DirtiesContext
class EveryReadModelOverKafkaIT {

    @Autowired
    JdbcClient logs;
    /** Seals what the test publishes as the next entries of the logs this side holds. */
    private final LogSealer log = LogSealer.continuing(new DatabaseLogs(() -> logs));

    @Autowired
    KafkaBroker broker;
    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyReadModelIsFedFromTheTopicAndARedeliveryChangesNothing() {
        // every type of event, so that every read model is written
        List<InfrashareEvent> history = everyKindOfEvent();
        int firstDefault = history.indexOf(ericSetsTheDefaultVpc(US_VPC, null, 9));
        try (var producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker.bootstrapServers()), new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < history.size(); i++) {
                producer.send(TopicRecords.of(log, "pg-" + i, history.get(i), json));
            }
            // the first default, delivered again after it was replaced, must not bring it back
            producer.send(TopicRecords.of(log, "pg-" + firstDefault, history.get(firstDefault), json));
            // the last event: once it shows, the redelivery has been dealt with
            producer.send(TopicRecords.of(log, "pg-last",
                    new ProjectCreated(ACME, ProjectId.of("web"), "Web Shop", "web", by("wendy", 30)), json));
        }
        String lastPosition = Integer.toString(history.size() + 1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Answer answer = consumption(ECOMM_STAGING.value());
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.projectionPosition()).isEqualTo(lastPosition);
        });
        JsonNode view = consumption(ECOMM_STAGING.value()).body();
        assertThat(view.get("defaults")).hasSize(2);
        assertThat(view.at("/defaults/0/resource/id").asText()).isEqualTo(DEPLOYER_ROLE.toString());
        assertThat(view.at("/defaults/0/resource/origin").asText()).isEqualTo("imported");
        assertThat(view.at("/defaults/0/resource/owner/environment").isNull()).isTrue();
        assertThat(view.at("/defaults/1/resource/id").asText()).isEqualTo(EU_VPC.toString());
        assertThat(view.at("/defaults/1/resource/attributes/cidr").asText()).isEqualTo("10.1.0.0/16");
        assertThat(view.at("/defaults/1/since").asText()).isEqualTo(AcmeStory.second(10).toString());

        Answer preview = consumption(ECOMM_PR42.value());
        assertThat(preview.status()).isEqualTo(404);
        assertThat(preview.body().get("deletedAt").asText()).isEqualTo(AcmeStory.second(20).toString());
        assertThat(jdbc.sql("select status from resource where id = :id").param("id", US_VPC.toString())
                .query(String.class).single())
                .isEqualTo("decommissioned");
    }

    private Answer consumption(String environment) {
        return Api.localhost(port).as("dev-ecomm").get("/environments/" + environment + "/consumption");
    }
}

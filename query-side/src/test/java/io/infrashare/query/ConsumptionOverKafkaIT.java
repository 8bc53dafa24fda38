package io.infrashare.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.EnvironmentCreated;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.ProjectCreated;
import io.infrashare.events.ProjectId;
import io.infrashare.events.Topic;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.testing.KafkaBroker;
import io.infrashare.testing.WithKafka;
import io.infrashare.testing.WithPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.annotation.DirtiesContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.infrashare.query.AcmeStory.ACME;
import static io.infrashare.query.AcmeStory.ECOMM_STAGING;
import static io.infrashare.query.AcmeStory.US_VPC;
import static io.infrashare.query.AcmeStory.by;
import static io.infrashare.query.AcmeStory.ecommAddsAVpcPackage;
import static io.infrashare.query.AcmeStory.ericReferencesTheVpc;
import static io.infrashare.query.AcmeStory.ericSetsTheDefaultVpc;
import static io.infrashare.query.AcmeStory.opsSharesTheUsVpcWithEcommerce;
import static io.infrashare.query.AcmeStory.second;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query side against a real broker: records published as the command side publishes them, a poison record
 * ahead of them, one record delivered twice.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "infrashare.retry.interval=100ms"})
@WithPostgres
// as on brokers that create no topic by themselves: the side creates its dead-letter topic
@WithKafka(partitions = 3, topics = Topic.NAME, autoCreateTopics = false)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumptionOverKafkaIT {

    @Autowired
    JdbcClient logs;
    /** Seals what the test publishes as the next entries of the logs this side holds. */
    private final LogSealer log = LogSealer.continuing(new DatabaseLogs(() -> logs));

    static final String DEAD_LETTERS = Topic.NAME + ".DLT";

    @Autowired
    KafkaBroker broker;
    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    MeterRegistry meters;

    @BeforeAll
    void publishTheStory() {
        OrganizationId globex = OrganizationId.of("globex");
        ProjectId net = ProjectId.of("net");
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        // ahead of acme's story in acme's partition: it must not hold the story up
        records.add(TopicRecords.unreadable("poison-type", opsSharesTheUsVpcWithEcommerce().get(0),
                "ResourceTeleported", "{}", json));
        List<InfrashareEvent> story = opsSharesTheUsVpcWithEcommerce();
        for (int i = 0; i < story.size(); i++) {
            records.add(record("acme-" + i, story.get(i)));
        }
        // Kafka delivers at least once: the share arrives twice
        records.add(record("acme-6", story.get(6)));
        records.add(record("globex-0", new ProjectCreated(globex, net, "Network", "ops", by("gus", 3))));
        records.add(TopicRecords.unreadable("poison-json", new EnvironmentCreated(globex, net,
                        EnvironmentId.of(net, "prod"), "Production", Map.of(), null, by("gus", 4)),
                "EnvironmentCreated", "{\"organization\":\"globex\",", json));
        records.add(record("globex-1", new EnvironmentCreated(globex, net, EnvironmentId.of(net, "prod"), "Production",
                Map.of(), null, by("gus", 5))));
        records.add(record("acme-7", ericSetsTheDefaultVpc(US_VPC, null, 7)));
        // ecomm's staging takes the shared VPC for its own VPC package too, rather than provisioning one
        records.add(record("acme-8", ecommAddsAVpcPackage(8)));
        records.add(record("acme-9", ericReferencesTheVpc(US_VPC, null, 9)));
        // acme's events whose key or ce_organization is missing or names another organization: not to be trusted
        records.addAll(untrustedRecords());

        try (var producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker.bootstrapServers()), new StringSerializer(),
                new ByteArraySerializer())) {
            records.forEach(producer::send);
        }

        // the reference is acme's last event: once it shows, acme's story is in
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode view = consumption(ECOMM_STAGING.value(), "dev-ecomm").body();
            assertThat(view.at("/remoteReferences/0/resource/id").asText()).isEqualTo(US_VPC.toString());
        });
    }

    @Test
    void ecommerceStagingConsumesTheSharedVpcAsItsDefault() {
        Answer answer = consumption(ECOMM_STAGING.value(), "dev-ecomm");

        assertThat(answer.status()).isEqualTo(200);
        // ten events of acme's history; the poison record and the redelivered share took no position
        assertThat(answer.projectionPosition()).isEqualTo("10");
        JsonNode view = answer.body();
        assertThat(view.get("environment").asText()).isEqualTo("ecomm-staging");
        assertThat(view.get("project").asText()).isEqualTo("ecomm");
        assertThat(view.get("defaults")).hasSize(1);
        JsonNode vpcDefault = view.at("/defaults/0");
        assertThat(vpcDefault.get("type").asText()).isEqualTo("aws-vpc");
        assertThat(vpcDefault.get("setBy").asText()).isEqualTo("eric");
        assertThat(vpcDefault.get("since").asText()).isEqualTo(second(7).toString());
        assertThat(vpcDefault.at("/resource/name").asText()).isEqualTo("US VPC");
        assertThat(vpcDefault.at("/resource/attributes/region").asText()).isEqualTo("us-east-1");
        assertThat(vpcDefault.at("/resource/owner/environment").asText()).isEqualTo("si-staging");
    }

    @Test
    void ecommerceStagingsVpcPackageIsTheSharedVpc() {
        JsonNode view = consumption(ECOMM_STAGING.value(), "dev-ecomm").body();

        assertThat(view.get("remoteReferences")).hasSize(1);
        JsonNode reference = view.at("/remoteReferences/0");
        assertThat(reference.get("package").asText()).isEqualTo("vpc");
        assertThat(reference.get("setBy").asText()).isEqualTo("eric");
        assertThat(reference.get("since").asText()).isEqualTo(second(9).toString());
        assertThat(reference.at("/resource/id").asText()).isEqualTo(US_VPC.toString());
        assertThat(reference.at("/resource/name").asText()).isEqualTo("US VPC");
        assertThat(reference.at("/resource/owner/project").asText()).isEqualTo("si");
    }

    @Test
    void anotherOrganizationsRecordsGoOnPastItsOwnPoisonRecord() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Answer answer = consumption("net-prod", "dev-globex");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.projectionPosition()).isEqualTo("2");
        });
    }

    @Test
    void recordsThatCannotBeReadWentToTheDeadLetterTopic() {
        Map<String, ConsumerRecord<String, byte[]>> deadLetters = deadLetters("poison-type", "poison-json");
        ConsumerRecord<String, byte[]> unknownType = deadLetters.get("poison-type");
        assertThat(unknownType.key()).isEqualTo("acme");
        assertThat(header(unknownType, "kafka_dlt-exception-message")).contains("Unknown event type 'ResourceTeleported'");
        assertThat(header(deadLetters.get("poison-json"), "kafka_dlt-exception-message"))
                .contains("not a valid EnvironmentCreated");
    }

    @Test
    void recordsWithoutAKeyOrOrganizationHeaderOrDisagreeingOnTheOrganizationAreDeadLetteredAndCounted() {
        Map<String, ConsumerRecord<String, byte[]>> deadLetters =
                deadLetters("untrusted-keyless", "untrusted-headerless", "untrusted-globex");
        assertThat(deadLetters.get("untrusted-keyless").key()).isNull();
        assertThat(header(deadLetters.get("untrusted-headerless"), "kafka_dlt-exception-message"))
                .contains(Topic.Headers.ORGANIZATION + " 'null'");
        assertThat(header(deadLetters.get("untrusted-globex"), "kafka_dlt-exception-message"))
                .contains(Topic.Headers.ORGANIZATION + " 'globex'");
        // with the unknown type and the malformed JSON
        assertThat(meters.get("infrashare.projection.dead.lettered").tag("reason", "unreadable").counter().count())
                .isGreaterThanOrEqualTo(5);
        // none of them made acme a project
        assertThat(consumption(ECOMM_STAGING.value(), "dev-ecomm").projectionPosition())
                .isEqualTo("10");
    }

    @Test
    void anotherOrganizationDoesNotFindTheEnvironment() {
        Answer answer = consumption(ECOMM_STAGING.value(), "dev-globex");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body().get("type").asText()).isEqualTo("/problems/not-found");
    }

    @Test
    void aCallerWithoutATokenIsUnauthenticated() {
        Answer answer = Api.localhost(port).get("/environments/" + ECOMM_STAGING.value() + "/consumption");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body().get("type").asText()).isEqualTo("/problems/unauthenticated");
    }

    /** Records of one project acme never created, each of them applicable if it were trusted. */
    private List<ProducerRecord<String, byte[]>> untrustedRecords() {
        ProjectId rogue = ProjectId.of("rogue");
        var keyless = record("untrusted-keyless", new ProjectCreated(ACME, rogue, "Rogue", "ops", by("olivia", 10)));
        var withoutKey = new ProducerRecord<String, byte[]>(Topic.NAME, null, keyless.value());
        keyless.headers().forEach(withoutKey.headers()::add);

        var headerless = record("untrusted-headerless", new ProjectCreated(ACME, rogue, "Rogue", "ops", by("olivia", 11)));
        headerless.headers().remove(Topic.Headers.ORGANIZATION);

        var globex = record("untrusted-globex", new ProjectCreated(ACME, rogue, "Rogue", "ops", by("olivia", 12)));
        globex.headers().remove(Topic.Headers.ORGANIZATION);
        globex.headers().add(Topic.Headers.ORGANIZATION, "globex".getBytes(StandardCharsets.UTF_8));
        return List.of(withoutKey, headerless, globex);
    }

    private ProducerRecord<String, byte[]> record(String id, InfrashareEvent event) {
        return TopicRecords.of(log, id, event, json);
    }

    private Answer consumption(String environment, String token) {
        return Api.localhost(port).as(token).get("/environments/" + environment + "/consumption");
    }

    /** The dead-letter topic's records by {@code ce_id}, read from its start until those of {@code ids} are there. */
    private Map<String, ConsumerRecord<String, byte[]>> deadLetters(String... ids) {
        Map<String, ConsumerRecord<String, byte[]>> deadLetters = new HashMap<>();
        try (Consumer<String, byte[]> consumer = deadLetterReader()) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record ->
                        deadLetters.put(header(record, Topic.Headers.ID), record));
                assertThat(deadLetters).containsKeys(ids);
            });
        }
        return deadLetters;
    }

    /** Reads the dead-letter topic from its start without joining a group. */
    private Consumer<String, byte[]> deadLetterReader() {
        Map<String, Object> properties = KafkaTestUtils.consumerProps(broker.bootstrapServers(), "dead-letter-reader", "false");
        var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(DEAD_LETTERS).stream()
                .map(partition -> new TopicPartition(DEAD_LETTERS, partition.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

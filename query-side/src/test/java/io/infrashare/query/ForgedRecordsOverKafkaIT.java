package io.infrashare.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrashare.events.EventCodec;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.LogSeal;
import io.infrashare.events.Topic;
import io.infrashare.events.WireRecord;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.query.ingest.Positions;
import io.infrashare.testing.KafkaBroker;
import io.infrashare.testing.TestLogKey;
import io.infrashare.testing.WithKafka;
import io.infrashare.testing.WithPostgres;
import io.infrashare.transparency.Checkpoint;
import io.infrashare.transparency.CompactRange;
import io.infrashare.transparency.NoteSigner;
import io.infrashare.transparency.NoteVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.infrashare.query.AcmeStory.ACME;
import static io.infrashare.query.AcmeStory.ericSetsTheDefaultVpc;
import static io.infrashare.query.AcmeStory.opsSharesTheUsVpcWithEcommerce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Whoever can write to the topic cannot write history: a record produced straight to it, not by the command side's
 * publisher, does not fit the organization's log and never reaches a read model or the audit log. Each way of
 * forging is tried against a real broker, among genuine records that go on being applied.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.consumer.group-id=forged-records-it"})
@WithPostgres
@WithKafka(partitions = 3, topics = Topic.NAME, autoCreateTopics = false)
@DirtiesContext
class ForgedRecordsOverKafkaIT {

    private static final List<InfrashareEvent> STORY = opsSharesTheUsVpcWithEcommerce();
    private static final String ALTERED_REASON = "altered on the topic";

    @Autowired
    KafkaBroker broker;
    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    Positions positions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    private final LogSealer log = LogSealer.continuing(new DatabaseLogs(() -> jdbc));

    @Test
    void forgedAlteredReplayedAndOrphanedRecordsAreRefusedWhileGenuineOnesGoOn() throws Exception {
        EventCodec codec = new EventCodec(json);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            records.add(TopicRecords.of(log, "acme-" + i, STORY.get(i), json));
        }
        WireRecord fourth = log.sealedBefore("acme-3");
        WireRecord next = codec.encode("forged-unsigned", ericSetsTheDefaultVpc(AcmeStory.EU_VPC, null, 20));

        // no seal at all, as a producer that knows only the CloudEvents layout writes it
        records.add(TopicRecords.of(Topic.NAME, next));
        // sealed as the next entry, but signed by a key the command side does not have
        records.add(TopicRecords.of(Topic.NAME, LogSeal.seal(codec.encode("forged-key", STORY.get(4)),
                treeOf(4), LogSeal.origin(LogSealer.ORIGIN_PREFIX, ACME), NoteSigner.generate(TestLogKey.NAME))));
        // a genuine record's seal on another event: its entry no longer hashes to the leaf hash it carries
        WireRecord genuineFifth = log.seal("acme-4", codec.encode("acme-4", STORY.get(4)));
        ObjectNode altered = (ObjectNode) json.readTree(genuineFifth.value());
        ((ObjectNode) altered.get("provenance")).put("reason", ALTERED_REASON);
        records.add(TopicRecords.of(Topic.NAME, genuineFifth.withValue(json.writeValueAsBytes(altered))));
        // a genuine record replayed under another id, at the index its original holds
        records.add(TopicRecords.of(Topic.NAME, fourth.withHeader(Topic.Headers.ID, "forged-replay")));
        // the genuine record after next, without the one before it
        WireRecord genuineSixth = log.seal("acme-5", codec.encode("acme-5", STORY.get(5)));
        records.add(TopicRecords.of(Topic.NAME, genuineSixth.withHeader(Topic.Headers.ID, "forged-orphan")));
        // and then the genuine rest of the story, which fits
        for (int i = 4; i < STORY.size(); i++) {
            records.add(TopicRecords.of(log, "acme-" + i, STORY.get(i), json));
        }
        send(records);

        await().atMost(Duration.ofSeconds(30)).until(() -> positions.current(ACME) == STORY.size());
        await().atMost(Duration.ofSeconds(30)).until(() -> untrusted() == 5);
        Set<String> forged = Set.of("forged-unsigned", "forged-key", "forged-replay", "forged-orphan");
        assertThat(jdbc.sql("select event_id from applied_event").query(String.class).list())
                .doesNotContainAnyElementsOf(forged).hasSize(STORY.size());
        assertThat(jdbc.sql("select event_id from audit_entry").query(String.class).list())
                .doesNotContainAnyElementsOf(forged).hasSize(STORY.size());
        Answer audit = Api.localhost(port).as("dev-auditor").get("/audit?limit=1000");
        assertThat(audit.body().get("entries").findValuesAsText("eventId")).hasSize(STORY.size())
                .doesNotContainAnyElementsOf(forged);
        assertThat(audit.body().get("entries").findValuesAsText("reason")).doesNotContain(ALTERED_REASON);
        theLogIsTheGenuineStorySignedByTheCommandSide();
        Answer health = Api.localhost(port).as("dev-operator").get("/actuator/health");
        assertThat(health.body().at("/components/projection/details/lastDeadLettered/reason").asText())
                .isEqualTo("untrusted");
    }

    private void theLogIsTheGenuineStorySignedByTheCommandSide() {
        assertThat(jdbc.sql("select event_id from log_entry where organization = 'acme' order by log_index")
                .query(String.class).list())
                .containsExactlyElementsOf(STORY.stream().map(event -> "acme-" + STORY.indexOf(event)).toList());
        WireRecord last = log.sealedBefore("acme-" + (STORY.size() - 1));
        Checkpoint signed = Checkpoint.open(last.header(Topic.Headers.CHECKPOINT),
                LogSeal.origin(LogSealer.ORIGIN_PREFIX, ACME), Set.of(NoteVerifier.parse(TestLogKey.VERIFIER_KEY)));
        byte[] root = jdbc.sql("select root_hash from log_tree where organization = 'acme'").query(byte[].class)
                .single();
        assertThat(signed.size()).isEqualTo(STORY.size());
        assertThat(root).isEqualTo(signed.rootHash());
    }

    private double untrusted() {
        return meters.get("infrashare.projection.dead.lettered").tag("reason", "untrusted").counter().count();
    }

    /** The tree of a log of {@code size} genuine entries, as the sealer holds it. */
    private CompactRange treeOf(int size) {
        CompactRange tree = CompactRange.empty();
        for (int i = 0; i < size; i++) {
            tree.append(LogSeal.of(log.sealedBefore("acme-" + i)).entry().leafHash());
        }
        return tree;
    }

    private void send(List<ProducerRecord<String, byte[]>> records) {
        try (var producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            records.forEach(producer::send);
        }
    }
}

package io.infrashare.query.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.infrashare.transparency.CanonicalJson;
import io.infrashare.transparency.Checkpoint;
import io.infrashare.transparency.CompactRange;
import io.infrashare.transparency.MerkleProofs;
import io.infrashare.transparency.MerkleTree;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.annotation.DirtiesContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static io.infrashare.query.AcmeStory.ACME;
import static io.infrashare.query.AcmeStory.by;
import static io.infrashare.query.AcmeStory.everyKindOfEvent;
import static io.infrashare.query.log.TestLog.ORIGIN_PREFIX;
import static io.infrashare.query.log.TestLog.RETIRED;
import static io.infrashare.query.log.TestLog.SIGNER;
import static io.infrashare.query.log.TestLog.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an auditor checks, against a real broker and database: each organization's log stored as the ingestion stores
 * it, checkpoints signed and published as the command side does, and every proof the audit endpoints give verified as
 * an auditor would, with the transparency module's RFC 9162 verifiers and nothing of this side's code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.consumer.group-id=log-proofs-it",
        "infrashare.log.verifier-keys=infrashare.test+14ccef9b+AYqI4910CfGV/VLbLTy6XXLKZwm/HZQSG/N0iAG0D29c,"
                + "infrashare.test+3e8bac88+AYE5dw6ofRdfVqNUZsNMfszLjYqRtO43ol32D1uPybOU"})
@WithPostgres
@WithKafka(topics = {Topic.NAME, LogProofsIT.CHECKPOINTS})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogProofsIT {

    static final String CHECKPOINTS = "infrashare.checkpoints";
    static final OrganizationId GLOBEX = OrganizationId.of("globex");
    static final Instant ISSUED = Instant.parse("2026-12-01T10:00:00Z");
    /** The acme checkpoints kept, and the sizes of those refused. */
    static final List<Integer> SIGNED = List.of(5, 12, 20);
    static final List<Integer> REFUSED = List.of(7, 9, 10, 13);

    @Autowired
    KafkaBroker broker;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    MeterRegistry meters;
    @LocalServerPort
    int port;

    TestLog acme;
    TestLog globex;

    /**
     * Acme's log has 22 entries and signed checkpoints of sizes 5 (by the retired key), 12 and 20 (issued twice, and
     * the second published twice), and one of size 30 that the log here has not reached; four more are refused.
     * Globex's log was signed at size 8, then one of its stored entries was altered.
     */
    @BeforeAll
    void storeAndSignTheLogs() {
        acme = new TestLog(ACME, everyKindOfEvent().subList(0, 22), json);
        List<InfrashareEvent> globexEvents = IntStream.range(0, 8).<InfrashareEvent>mapToObj(i -> new ProjectCreated(
                GLOBEX, ProjectId.of("net" + i), "Network " + i, "ops", by("gus", i))).toList();
        globex = new TestLog(GLOBEX, globexEvents, json);
        acme.store(jdbc);
        assertThat(as("dev-globex").get("/audit/checkpoints/latest").status())
                .as("an organization's latest checkpoint, before its first").isEqualTo(404);

        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        records.add(record("acme", acme.note(5, RETIRED), ISSUED));
        records.add(record("acme", acme.note(12, SIGNER), ISSUED.plusSeconds(60)));
        records.add(record("acme", acme.note(20, SIGNER), ISSUED.plusSeconds(120)));
        records.add(record("acme", acme.note(20, SIGNER), ISSUED.plusSeconds(3600)));
        records.add(record("acme", acme.note(20, SIGNER), ISSUED.plusSeconds(3600)));
        records.add(record("acme", new Checkpoint(ORIGIN_PREFIX + "/acme", 30, acme.root(22)).sign(SIGNER).message(),
                ISSUED.plusSeconds(7200)));
        records.add(record("acme", acme.note(7, UNKNOWN), ISSUED));
        records.add(record("acme", new Checkpoint(ORIGIN_PREFIX + "/globex", 9, acme.root(9)).sign(SIGNER).message(),
                ISSUED));
        records.add(record("acme", new Checkpoint(ORIGIN_PREFIX + "/acme", 10, acme.root(11)).sign(SIGNER).message(),
                ISSUED));
        Map<String, Object> sizeNotTheNotes = TestLog.record("acme", acme.note(13, SIGNER), ISSUED);
        sizeNotTheNotes.put("size", 14);
        records.add(new ProducerRecord<>(CHECKPOINTS, "acme", bytes(sizeNotTheNotes)));
        records.add(record("globex", globex.note(8, SIGNER), ISSUED));
        publish(records);

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from log_checkpoint")
                .query(Long.class).single() == 6 && refused() == REFUSED.size());
        globex.store(jdbc, 3);
    }

    @Test
    void everyEntryIsProvenInEveryCheckpointThatCoversIt() {
        Map<Long, byte[]> roots = roots(as("dev-ops"));
        for (int size : SIGNED) {
            for (int index = 0; index < size; index++) {
                Answer answer = as("dev-ops").get("/audit/proof?event=" + acme.eventId(index) + "&size=" + size);

                assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                assertThat(verifies(answer.body(), roots.get((long) size))).as("entry %d at size %d", index, size)
                        .isTrue();
                assertThat(answer.body().get("index").asLong()).isEqualTo(index);
                assertThat(answer.body().get("eventId").asText()).isEqualTo(acme.eventId(index));
            }
        }
        JsonNode latest = as("dev-ops").get("/audit/proof?event=" + acme.eventId(3).toUpperCase()).body();
        assertThat(latest.get("size").asLong()).as("the largest checkpoint covering it that the log has reached")
                .isEqualTo(20);
        assertThat(verifies(latest, roots.get(20L))).isTrue();
    }

    /** The entry an auditor gets hashes, canonicalized, to the leaf the proof starts from. */
    private static boolean verifies(JsonNode proof, byte[] root) {
        byte[] leafHash = MerkleTree.leafHash(CanonicalJson.canonicalize(proof.get("entry")));
        List<byte[]> hashes = StreamSupport.stream(proof.get("hashes").spliterator(), false)
                .map(hash -> Base64.getDecoder().decode(hash.asText())).toList();
        return Base64.getEncoder().encodeToString(leafHash).equals(proof.get("leafHash").asText())
                && MerkleProofs.verifyInclusion(proof.get("index").asLong(), proof.get("size").asLong(), leafHash,
                hashes, root);
    }

    @Test
    void everyTwoCheckpointsAreProvenConsistent() {
        Map<Long, byte[]> roots = roots(as("dev-ops"));
        for (int from : SIGNED) {
            for (int to : SIGNED.subList(SIGNED.indexOf(from), SIGNED.size())) {
                JsonNode proof = as("dev-ops").get("/audit/consistency?from=" + from + "&to=" + to).requireSuccess()
                        .body();

                List<byte[]> hashes = StreamSupport.stream(proof.get("hashes").spliterator(), false)
                        .map(hash -> Base64.getDecoder().decode(hash.asText())).toList();
                assertThat(MerkleProofs.verifyConsistency(from, to, roots.get((long) from), roots.get((long) to),
                        hashes)).as("from %d to %d", from, to).isTrue();
                assertThat(hashes.isEmpty()).isEqualTo(from == to);
            }
        }
    }

    @Test
    void theLogsLinesAreTheEntriesWhichRebuildTheSignedRoot() {
        Answer log = as("dev-ops").get("/audit/log");

        assertThat(log.status()).isEqualTo(200);
        assertThat(log.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/x-ndjson"));
        byte[] body = log.text().getBytes(StandardCharsets.UTF_8);
        assertThat(log.headers().firstValueAsLong("Content-Length")).hasValue(body.length);
        String[] lines = log.text().split("\n", -1);
        assertThat(lines).hasSize(acme.size() + 1);
        assertThat(lines[acme.size()]).as("the last line ends with a newline").isEmpty();
        CompactRange tree = CompactRange.empty();
        for (int index = 0; index < acme.size(); index++) {
            byte[] entry = lines[index].getBytes(StandardCharsets.UTF_8);
            assertThat(entry).as("entry %d, byte for byte", index).isEqualTo(acme.entry(index));
            tree.append(MerkleTree.leafHash(entry));
            if (SIGNED.contains(index + 1)) {
                assertThat(tree.rootHash()).isEqualTo(roots(as("dev-ops")).get((long) index + 1));
            }
        }

        String[] slice = as("dev-ops").get("/audit/log?from=5&to=12").text().split("\n");
        assertThat(slice).hasSize(7);
        assertThat(slice[0].getBytes(StandardCharsets.UTF_8)).isEqualTo(acme.entry(5));
        assertThat(as("dev-ops").get("/audit/log?from=20&to=100").text().split("\n")).hasSize(2);
        assertThat(as("dev-ops").get("/audit/log?from=3&to=3").text()).isEmpty();
    }

    @Test
    void checkpointsAreListedOldestFirstAndAfterASize() {
        JsonNode all = as("dev-ops").get("/audit/checkpoints").body().get("checkpoints");

        assertThat(all.findValuesAsText("size")).containsExactly("5", "12", "20", "20", "30");
        assertThat(all.findValuesAsText("time")).containsExactly(ISSUED.toString(), ISSUED.plusSeconds(60).toString(),
                ISSUED.plusSeconds(120).toString(), ISSUED.plusSeconds(3600).toString(),
                ISSUED.plusSeconds(7200).toString());
        assertThat(all.get(0).get("keyId").asText()).isEqualTo(RETIRED.verifier().hexKeyId());
        assertThat(all.get(1).get("keyId").asText()).isEqualTo(SIGNER.verifier().hexKeyId());
        assertThat(all.get(2).get("note").asText()).isEqualTo(acme.note(20, SIGNER));
        assertThat(all.get(2).get("rootHash").asText()).isEqualTo(Base64.getEncoder().encodeToString(acme.root(20)));
        assertThat(as("dev-ops").get("/audit/checkpoints?after=12").body().get("checkpoints")
                .findValuesAsText("size")).containsExactly("20", "20", "30");
        assertThat(as("dev-ops").get("/audit/checkpoints?after=30").body().get("checkpoints")).isEmpty();
        JsonNode latest = as("dev-auditor").get("/audit/checkpoints/latest").body();
        assertThat(latest.get("size").asLong()).isEqualTo(30);
        assertThat(latest.get("time").asText()).isEqualTo(ISSUED.plusSeconds(7200).toString());
        assertThat(as("dev-globex").get("/audit/checkpoints").body().get("checkpoints").findValuesAsText("size"))
                .as("another organization's checkpoints").containsExactly("8");
    }

    @Test
    void aRetiredKeyStillVerifiesWhatItSignedAndIsListed() {
        JsonNode keys = as("dev-ops").get("/audit/keys").body().get("keys");

        assertThat(keys.findValuesAsText("verifierKey")).containsExactly(SIGNER.verifierKey(), RETIRED.verifierKey());
        JsonNode retired = keys.get(1);
        assertThat(retired.get("kty").asText()).isEqualTo("OKP");
        assertThat(retired.get("crv").asText()).isEqualTo("Ed25519");
        assertThat(retired.get("kid").asText()).isEqualTo(RETIRED.verifier().hexKeyId());
        assertThat(Base64.getUrlDecoder().decode(retired.get("x").asText()))
                .isEqualTo(RETIRED.verifier().publicKey());
        JsonNode proof = as("dev-ops").get("/audit/proof?event=" + acme.eventId(4) + "&size=5").body();
        assertThat(verifies(proof, roots(as("dev-ops")).get(5L))).isTrue();
    }

    @Test
    void checkpointsThatDoNotVerifyAreRefusedNeverListedAndShownInHealth() {
        assertThat(as("dev-ops").get("/audit/checkpoints").body().findValuesAsText("size"))
                .doesNotContainAnyElementsOf(REFUSED.stream().map(String::valueOf).toList());
        assertThat(refused("unverified")).as("an unknown key, another organization's origin").isEqualTo(2);
        assertThat(refused("mismatched")).as("a size that is not the note's").isEqualTo(1);
        assertThat(refused("fork")).as("a root that is not the log's").isEqualTo(1);

        Answer health = as("dev-operator").get("/actuator/health");

        assertThat(health.body().get("status").asText()).isEqualTo("DOWN");
        JsonNode checkpoints = health.body().at("/components/checkpoints");
        assertThat(checkpoints.get("status").asText()).isEqualTo("DOWN");
        assertThat(checkpoints.at("/details/topic").asText()).isEqualTo(CHECKPOINTS);
        assertThat(checkpoints.at("/details/refused").asLong()).isEqualTo(REFUSED.size());
        assertThat(checkpoints.at("/details/lastRefused/organization").asText()).isEqualTo("acme");
        assertThat(checkpoints.at("/details/forks/0/organization").asText()).isEqualTo("acme");
        assertThat(checkpoints.at("/details/forks/0/size").asLong()).isEqualTo(10);
        assertThat(as("dev-ops").get("/actuator/health").body().toString()).doesNotContain("forks");
    }

    @Test
    void aStoredEntryThatIsNotTheSignedOneMakesItsProofsA500() {
        for (String path : List.of("/audit/proof?event=" + globex.eventId(0), "/audit/proof?event=" + globex.eventId(3),
                "/audit/consistency?from=8&to=8")) {
            Answer answer = as("dev-globex").get(path);

            assertThat(answer.status()).as(path).isEqualTo(500);
            assertThat(answer.body().get("type").asText()).isEqualTo("/problems/internal");
            assertThat(answer.body().get("correlationId").asText())
                    .isEqualTo(answer.headers().firstValue("X-Correlation-Id").orElseThrow());
        }
    }

    @Test
    void badInputIsA400NamingTheParameter() {
        String event = acme.eventId(1);
        Map<String, String> refused = Map.ofEntries(
                Map.entry("/audit/proof", "event"),
                Map.entry("/audit/proof?event=acme-1", "event"),
                Map.entry("/audit/proof?event=" + event + "x", "event"),
                Map.entry("/audit/proof?event=" + event + "&size=0", "size"),
                Map.entry("/audit/proof?event=" + event + "&size=-3", "size"),
                Map.entry("/audit/proof?event=" + event + "&size=twelve", "size"),
                Map.entry("/audit/proof?event=" + event + "&size=99999999999999999999", "size"),
                Map.entry("/audit/consistency?to=12", "from"),
                Map.entry("/audit/consistency?from=5", "to"),
                Map.entry("/audit/consistency?from=0&to=12", "from"),
                Map.entry("/audit/consistency?from=12&to=5", "from"),
                Map.entry("/audit/log?from=-1", "from"),
                Map.entry("/audit/log?to=-1", "to"),
                Map.entry("/audit/log?from=12&to=5", "from"),
                Map.entry("/audit/checkpoints?after=-1", "after"),
                Map.entry("/audit/checkpoints?after=1.5", "after"));
        refused.forEach((path, parameter) -> {
            Answer answer = as("dev-ops").get(path);

            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.body().get("type").asText()).as(path).isEqualTo("/problems/invalid-request");
            assertThat(answer.body().at("/errors/0/field").asText()).as(path).isEqualTo(parameter);
        });
        Answer exporting = as("dev-ops").withHeader("Accept", "application/x-ndjson").get("/audit/log?from=-1");
        assertThat(exporting.status()).as("a problem also to a client that asked for the lines").isEqualTo(400);
        assertThat(exporting.body().get("type").asText()).isEqualTo("/problems/invalid-request");
    }

    @Test
    void whatNoCheckpointOfTheOrganizationCoversIsA404() {
        List<String> notFound = List.of(
                "/audit/proof?event=" + UUID.randomUUID(),
                "/audit/proof?event=" + globex.eventId(1),
                "/audit/proof?event=" + acme.eventId(20),
                "/audit/proof?event=" + acme.eventId(10) + "&size=13",
                "/audit/proof?event=" + acme.eventId(10) + "&size=5",
                "/audit/proof?event=" + acme.eventId(10) + "&size=10",
                "/audit/consistency?from=5&to=13",
                "/audit/consistency?from=7&to=12",
                "/audit/consistency?from=8&to=8",
                "/audit/proof?event=" + acme.eventId(3) + "&size=30",
                "/audit/consistency?from=20&to=30");
        for (String path : notFound) {
            Answer answer = as("dev-ops").get(path);

            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.body().get("type").asText()).isEqualTo("/problems/not-found");
        }
        String elsewhere = acme.eventId(1);
        String nowhere = UUID.randomUUID().toString();
        assertThat(as("dev-globex").get("/audit/proof?event=" + elsewhere).body().get("detail").asText()
                .replace(elsewhere, "?"))
                .as("another organization's event answers as one that does not exist")
                .isEqualTo(as("dev-globex").get("/audit/proof?event=" + nowhere).body().get("detail").asText()
                        .replace(nowhere, "?"));
    }

    private Map<Long, byte[]> roots(Api api) {
        Map<Long, byte[]> roots = new HashMap<>();
        api.get("/audit/checkpoints").body().get("checkpoints").forEach(checkpoint -> roots.put(
                checkpoint.get("size").asLong(), Base64.getDecoder().decode(checkpoint.get("rootHash").asText())));
        return roots;
    }

    private double refused() {
        return meters.get(CheckpointRefusals.COUNTER).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private double refused(String reason) {
        return meters.get(CheckpointRefusals.COUNTER).tag("reason", reason).counter().count();
    }

    private ProducerRecord<String, byte[]> record(String organization, String note, Instant time) {
        return new ProducerRecord<>(CHECKPOINTS, organization, bytes(TestLog.record(organization, note, time)));
    }

    private byte[] bytes(Map<String, Object> value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void publish(List<ProducerRecord<String, byte[]>> records) {
        try (var producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            records.forEach(record -> {
                record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            });
        }
    }

    private Api as(String token) {
        return Api.localhost(port).as(token);
    }
}

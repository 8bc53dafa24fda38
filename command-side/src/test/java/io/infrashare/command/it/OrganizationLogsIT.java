package io.infrashare.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.http.Api;
import io.infrashare.testing.KafkaBroker;
import io.infrashare.testing.WithKafka;
import io.infrashare.testing.WithPostgres;
import io.infrashare.transparency.Checkpoint;
import io.infrashare.transparency.MerkleTree;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every record the command side publishes is sealed as the next entry of its organization's log, and the logs'
 * signed checkpoints follow on the checkpoint topic within {@code infrashare.log.checkpoint-delay} (half a second
 * here): a reader checks both with the test key's verifier key alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "infrashare.log.checkpoint-delay=500ms")
@WithPostgres
@WithKafka
class OrganizationLogsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    KafkaBroker kafka;
    @Autowired
    JdbcClient jdbc;

    private TopicReader events;
    private TopicReader checkpoints;

    @BeforeEach
    void connect() {
        events = new TopicReader(kafka.bootstrapServers(), "infrashare.events");
        checkpoints = new TopicReader(kafka.bootstrapServers(), "infrashare.checkpoints");
    }

    @AfterEach
    void disconnect() {
        events.close();
        checkpoints.close();
    }

    @Test
    void eachOrganizationsRecordsAreTheConsecutiveEntriesOfItsOwnSignedLog() {
        List.of("logsa1", "logsa2", "logsa3").forEach(project -> createProject("dev-ops", project));
        List.of("logsg1", "logsg2").forEach(project -> createProject("dev-globex", project));

        await().atMost(Duration.ofSeconds(30)).until(() -> subjects().containsAll(List.of(
                "projects/logsa3", "projects/logsg2")));
        Map<String, List<byte[]>> leaves = SealedLogs.check(events.records());

        // each log starts at 0, whatever the other organization published before or between
        assertThat(leaves).containsOnlyKeys("acme", "globex");
        assertThat(leaves.get("acme")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(leaves.get("globex")).hasSizeGreaterThanOrEqualTo(2);
        leaves.forEach((organization, log) -> assertThat(tree(organization))
                .as("the tree the publisher keeps of %s", organization)
                .containsExactly((long) log.size(), Base64.getEncoder().encodeToString(MerkleTree.rootHash(log))));
    }

    @Test
    void aSignedCheckpointOfTheLogFollowsACommandWithinTheDelayAndNoneComesWhileNothingChanges() {
        createProject("dev-ops", "checkpointed");
        await().atMost(Duration.ofSeconds(30)).until(() -> subjects().contains("projects/checkpointed"));
        List<byte[]> acme = SealedLogs.check(events.records()).get("acme");
        Instant published = Instant.now();

        ConsumerRecord<String, byte[]> latest = await().atMost(Duration.ofSeconds(5))
                .until(() -> latestCheckpoint("acme"), record -> record != null
                        && json(record.value()).path("size").asLong() == acme.size());

        assertThat(TopicReader.header(latest, "content-type")).isEqualTo("application/json");
        JsonNode checkpoint = json(latest.value());
        assertThat(checkpoint.path("organization").asText()).isEqualTo("acme");
        assertThat(checkpoint.path("rootHash").asText())
                .isEqualTo(Base64.getEncoder().encodeToString(MerkleTree.rootHash(acme)));
        assertThat(checkpoint.path("keyId").asText()).isEqualTo("7986f81c");
        assertThat(Instant.parse(checkpoint.path("time").asText()))
                .isBetween(published.minusSeconds(30), published.plusSeconds(5));
        Checkpoint signed = Checkpoint.open(checkpoint.path("note").asText(), SealedLogs.origin("acme"),
                SealedLogs.TRUSTED);
        assertThat(signed.size()).isEqualTo(acme.size());
        assertThat(signed.rootHash()).isEqualTo(MerkleTree.rootHash(acme));

        // every log has its checkpoint; for an hour (the interval) none comes again while no log grows
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql("""
                select count(*) from log_tree tree where not exists (select 1 from log_checkpoint issued
                where issued.organization = tree.organization and issued.size = tree.size)""")
                .query(Long.class).single() == 0);
        int issued = checkpoints.records().size();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> checkpoints.records().size() == issued);
        assertThat(jdbc.sql("select count(*) from log_checkpoint").query(Long.class).single()).isEqualTo(issued);
    }

    /** The size and root hash of the tree the publisher stored. */
    private List<Object> tree(String organization) {
        return jdbc.sql("select size, root_hash from log_tree where organization = :organization")
                .param("organization", organization)
                .query((row, number) -> List.<Object>of(row.getLong("size"),
                        Base64.getEncoder().encodeToString(row.getBytes("root_hash"))))
                .single();
    }

    private ConsumerRecord<String, byte[]> latestCheckpoint(String organization) {
        return checkpoints.records().stream().filter(record -> organization.equals(record.key()))
                .reduce((earlier, later) -> later).orElse(null);
    }

    private List<String> subjects() {
        return events.records().stream().map(record -> TopicReader.header(record, "ce_subject")).toList();
    }

    private void createProject(String token, String abbreviation) {
        assertThat(Api.localhost(port).as(token).post("/projects", "{\"name\":\"Logged\",\"abbreviation\":\""
                + abbreviation + "\",\"ownerTeam\":\"ops\"}").status()).isEqualTo(201);
    }

    static JsonNode json(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

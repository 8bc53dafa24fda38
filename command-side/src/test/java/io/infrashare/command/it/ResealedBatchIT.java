package io.infrashare.command.it;

import io.infrashare.http.Api;
import io.infrashare.testing.KafkaBroker;
import io.infrashare.testing.WithKafka;
import io.infrashare.testing.WithPostgres;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A publisher batch that fails after Kafka took its records rolls back its token and the trees together, so the batch
 * sent again seals its records exactly as before: the topic then holds each of them twice, byte for byte, and the log
 * goes on from where the batch left it. Checkpoints are issued again once the interval ({@code 2s} here) passed, even
 * when no log grew.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"infrashare.log.checkpoint-delay=300ms", "infrashare.log.checkpoint-interval=2s"})
@WithPostgres
@WithKafka
class ResealedBatchIT {

    /** The publishing processor, as operations know it (docs/operations.md). */
    private static final String PUBLICATION = "__axon-kafka-event-publishing-group";

    @LocalServerPort
    int port;
    @Autowired
    KafkaBroker kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventProcessingConfiguration processing;

    private TopicReader events;
    private TopicReader checkpoints;

    @BeforeEach
    void connect() {
        events = new TopicReader(kafka.bootstrapServers(), "infrashare.events");
        checkpoints = new TopicReader(kafka.bootstrapServers(), "infrashare.checkpoints");
    }

    @AfterEach
    void disconnect() {
        if (!publication().isRunning()) {
            publication().start();
        }
        events.close();
        checkpoints.close();
    }

    @Test
    void aBatchThatFailedAfterKafkaTookItsRecordsIsSentAgainByteForByte() {
        // the first write of globex's tree fails, after the batch's records were acknowledged: a sequence counts the
        // attempts, since it is not rolled back with them
        jdbc.sql("create sequence globex_tree_writes").update();
        jdbc.sql("""
                create function fail_the_first_globex_batch() returns trigger language plpgsql as $$
                begin
                    if new.organization = 'globex' and nextval('globex_tree_writes') = 1 then
                        raise exception 'the first batch of globex fails';
                    end if;
                    return new;
                end $$""").update();
        jdbc.sql("""
                create trigger fail_the_first_globex_batch before insert or update on log_tree
                for each row execute function fail_the_first_globex_batch()""").update();
        publication().shutDown();
        List.of("resent1", "resent2", "resent3").forEach(this::createProject);

        publication().start();
        await().atMost(Duration.ofSeconds(60)).until(() -> firstOfEach(globex()).size() == 3);
        createProject("resent4");
        await().atMost(Duration.ofSeconds(30)).until(() -> firstOfEach(globex()).size() == 4);

        // the failed batch held the first record or more (as many as the processor had read); each of them is on
        // the topic again, byte for byte, the first time the batch was sent again
        List<ConsumerRecord<String, byte[]>> sent = globex();
        Map<String, ConsumerRecord<String, byte[]>> first = firstOfEach(sent);
        List<ConsumerRecord<String, byte[]>> again = sent.stream()
                .filter(record -> first.get(TopicReader.header(record, "ce_id")) != record).toList();
        assertThat(again).as("records of the failed batch sent again").isNotEmpty();
        assertThat(again).extracting(ResealedBatchIT::bytes).containsExactlyElementsOf(first.values().stream()
                .limit(again.size()).map(ResealedBatchIT::bytes).toList());
        // without the duplicates, which a reader drops by ce_id, the log is whole: indexes 0 to 3, each checkpoint
        // over every leaf before it
        assertThat(SealedLogs.check(List.copyOf(first.values())).get("globex")).hasSize(4);
        assertThat(jdbc.sql("select size from log_tree where organization = 'globex'").query(Long.class).single())
                .isEqualTo(4);
    }

    /** The first record of each {@code ce_id}, in the topic's order. */
    private static Map<String, ConsumerRecord<String, byte[]>> firstOfEach(
            List<ConsumerRecord<String, byte[]>> records) {
        Map<String, ConsumerRecord<String, byte[]>> first = new LinkedHashMap<>();
        records.forEach(record -> first.putIfAbsent(TopicReader.header(record, "ce_id"), record));
        return first;
    }

    @Test
    void aCheckpointIsIssuedAgainOnceTheIntervalPassedThoughTheLogDidNotGrow() {
        Api.localhost(port).as("dev-ops").post("/projects",
                "{\"name\":\"Quiet\",\"abbreviation\":\"quiet\",\"ownerTeam\":\"ops\"}");

        await().atMost(Duration.ofSeconds(30)).until(() -> timesOfTheLatestSize("acme").size() >= 2);
        List<Instant> times = timesOfTheLatestSize("acme");
        assertThat(Duration.between(times.get(0), times.get(1))).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    /** When checkpoints of the organization's current size were issued, as the checkpoint topic says. */
    private List<Instant> timesOfTheLatestSize(String organization) {
        long size = jdbc.sql("select size from log_tree where organization = :organization")
                .param("organization", organization).query(Long.class).optional().orElse(-1L);
        return checkpoints.records().stream()
                .filter(record -> organization.equals(record.key()))
                .map(record -> OrganizationLogsIT.json(record.value()))
                .filter(checkpoint -> checkpoint.path("size").asLong() == size)
                .map(checkpoint -> Instant.parse(checkpoint.path("time").asText()))
                .toList();
    }

    private List<ConsumerRecord<String, byte[]>> globex() {
        return events.records().stream().filter(record -> "globex".equals(record.key())).toList();
    }

    /** Everything a record carries: key, headers in order, value. */
    private static String bytes(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        record.headers().forEach(header -> headers.put(header.key(),
                Base64.getEncoder().encodeToString(header.value())));
        return record.key() + " " + headers.entrySet().stream().map(Map.Entry::toString)
                .collect(Collectors.joining(",")) + " " + Base64.getEncoder().encodeToString(record.value());
    }

    private StreamingEventProcessor publication() {
        return processing.eventProcessor(PUBLICATION, StreamingEventProcessor.class).orElseThrow();
    }

    private void createProject(String abbreviation) {
        assertThat(Api.localhost(port).as("dev-globex").post("/projects", "{\"name\":\"Resent\",\"abbreviation\":\""
                + abbreviation + "\",\"ownerTeam\":\"ops\"}").status()).isEqualTo(201);
    }
}

package io.infrashare.command.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.ProjectCreated;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.testing.KafkaBroker;
import io.infrashare.testing.WithKafka;
import io.infrashare.testing.WithPostgres;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An append that takes its position in the event store and commits only after later appends did must still reach
 * the topic: the publication waits for it, and no command may run long enough to commit after the publication gave
 * up waiting. Commands here may run 4 s ({@code infrashare.commands.timeout}); a project whose name starts with
 * "Slow" holds its transaction open after its event was appended, until the test lets it go.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "infrashare.commands.timeout=4s")
@WithPostgres
@WithKafka
class SlowAppendIT {

    /** The publishing processor, as operations know it (docs/operations.md). */
    private static final String PUBLICATION = "__axon-kafka-event-publishing-group";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(4);

    @LocalServerPort
    int port;
    @Autowired
    KafkaBroker kafka;
    @Autowired
    Stall stall;
    @Autowired
    EventProcessingConfiguration processing;

    private TopicReader topic;

    @BeforeEach
    void connect() {
        topic = new TopicReader(kafka.bootstrapServers(), "infrashare.events");
    }

    @AfterEach
    void disconnect() {
        stall.release();
        if (!publication().isRunning()) {
            publication().start();
        }
        topic.close();
    }

    /**
     * The publication is held back while the slow append is open, as after a broker outage, so that it reads the
     * later events when they are already old: it must still wait for the gap the slow append leaves before them.
     */
    @Test
    void anAppendCommittingJustUnderTheTimeoutAfterLaterOnesReachesTheTopic() {
        CompletableFuture<Answer> slow = createProjectAsync("Slow one", "slowa");
        long held = stall.awaitHeld();
        publication().shutDown();
        List<String> later = List.of("latea1", "latea2", "latea3", "latea4", "latea5");
        later.forEach(abbreviation -> assertThat(createProject("Later", abbreviation).status()).isEqualTo(201));

        waitUntil(held + TIMEOUT.multipliedBy(5).dividedBy(8).toNanos());
        publication().start();
        await().atMost(TIMEOUT).until(() -> projectsOnTopic().containsAll(later));
        assertThat(projectsOnTopic()).doesNotContain("slowa");
        assertThat(Duration.ofNanos(System.nanoTime() - held)).as("the slow append is still within its time")
                .isLessThan(TIMEOUT.minusMillis(200));
        stall.release();

        assertThat(slow.join().status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> projectsOnTopic().contains("slowa"));
    }

    private StreamingEventProcessor publication() {
        return processing.eventProcessor(PUBLICATION, StreamingEventProcessor.class)
                .orElseThrow();
    }

    @Test
    void aCommandRunningPastTheTimeoutIsRolledBackAndNeverPublished() {
        CompletableFuture<Answer> slow = createProjectAsync("Slow two", "slowb");
        long held = stall.awaitHeld();
        assertThat(createProject("Later", "lateb1").status()).isEqualTo(201);
        waitUntil(held + TIMEOUT.plusMillis(300).toNanos());
        stall.release();

        Answer answer = slow.join();
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.text()).contains("/problems/store-unavailable").contains("nothing was recorded");
        // a later command's event is published, the rolled-back one never is, and its abbreviation is still free
        assertThat(createProject("Later", "lateb2").status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> projectsOnTopic().contains("lateb2"));
        assertThat(projectsOnTopic()).doesNotContain("slowb");
        assertThat(createProject("Quick now", "slowb").status()).isEqualTo(201);
    }

    private static void waitUntil(long nanoTime) {
        await().atMost(TIMEOUT.multipliedBy(2)).pollInterval(Duration.ofMillis(10))
                .until(() -> System.nanoTime() - nanoTime >= 0);
    }

    private List<String> projectsOnTopic() {
        return topic.records().stream()
                .filter(record -> "ProjectCreated".equals(TopicReader.header(record, "ce_type")))
                .map(SlowAppendIT::project)
                .toList();
    }

    private static String project(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value()).path("project").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer createProject(String name, String abbreviation) {
        return Api.localhost(port).as("dev-ops").post("/projects", "{\"name\":\"" + name + "\",\"abbreviation\":\""
                + abbreviation + "\",\"ownerTeam\":\"ops\"}");
    }

    private CompletableFuture<Answer> createProjectAsync(String name, String abbreviation) {
        return CompletableFuture.supplyAsync(() -> createProject(name, abbreviation));
    }

    @TestConfiguration
    static class SlowCommands {

        @Bean
        Stall stall() {
            return new Stall();
        }
    }

    /**
     * Handles events in the command's transaction, after they were appended (the catalog's processing group), and
     * holds the transaction of a project named "Slow..." until released.
     */
    @ProcessingGroup("catalog")
    static class Stall {

        private final AtomicReference<CountDownLatch> release = new AtomicReference<>(new CountDownLatch(1));
        private final AtomicLong heldAt = new AtomicLong();

        @EventHandler
        void on(ProjectCreated event) throws InterruptedException {
            if (event.name().startsWith("Slow")) {
                CountDownLatch latch = new CountDownLatch(1);
                release.set(latch);
                heldAt.set(System.nanoTime());
                latch.await(30, TimeUnit.SECONDS);
            }
        }

        /** @return when the transaction was held, in {@link System#nanoTime()} */
        long awaitHeld() {
            await().atMost(Duration.ofSeconds(30)).until(() -> heldAt.get() != 0);
            return heldAt.getAndSet(0);
        }

        void release() {
            release.get().countDown();
        }
    }
}

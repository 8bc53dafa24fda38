package io.infrashare.command.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.command.CommandApplication;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.testing.Database;
import io.infrashare.testing.KafkaBroker;
import io.infrashare.testing.TestInfrastructure;
import io.infrashare.testing.WithKafka;
import io.infrashare.testing.WithPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retried writes, as a CI pipeline that lost a connection sends them: with an {@code Idempotency-Key} they take
 * effect once and get the first answer again. And bodies over 64 KiB, which nobody reads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka
class IdempotencyIT {

    static final int KIB = 1024;
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    /** The broker of this context, which every class of the same configuration shares. */
    @Autowired
    KafkaBroker kafka;

    /** Each test gets its own project, since the database and topic outlive a test. */
    String project;

    @BeforeEach
    void name() {
        project = "idem" + RUNS.incrementAndGet();
    }

    /** A write as {@code token}, with the {@code Idempotency-Key} when {@code key} is not null. */
    Answer send(String token, String method, String path, String key, String json) {
        return Api.localhost(port).as(token).withIdempotencyKey(key).send(method, path, json);
    }

    /** A body without Content-Length: the client streams it in chunks. */
    Answer sendChunked(String token, String path, String key, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return Api.localhost(port).as(token).withIdempotencyKey(key).withHeader("Content-Type", "application/json")
                .send("POST", path, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    static String newProject(String abbreviation, String name) {
        return "{\"name\":\"" + name + "\",\"abbreviation\":\"" + abbreviation + "\",\"ownerTeam\":\"ops\"}";
    }

    /** A project to create whose JSON is exactly {@code size} bytes, its name padded out (and far too long). */
    String projectOfSize(int size) {
        String empty = newProject(project, "");
        return newProject(project, "x".repeat(size - empty.length()));
    }

    private List<String> eventsAbout(TopicReader topic, String project) {
        return topic.records().stream()
                .filter(record -> {
                    try {
                        return project.equals(JSON.readTree(record.value()).path("project").asText());
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .map(record -> TopicReader.header(record, "ce_type"))
                .toList();
    }

    @Test
    void aRepeatedWriteGetsTheFirstAnswerAndRecordsNothingNew() {
        String created = newKey();
        Answer first = send("dev-ops", "POST", "/projects", created, newProject(project, "Shared Infra"));
        Answer repeated = send("dev-ops", "POST", "/projects", created, newProject(project, "Shared Infra"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.replayed()).isFalse();
        assertThat(repeated.status()).isEqualTo(201);
        assertThat(repeated.replayed()).isTrue();
        assertThat(repeated.contentType()).isEqualTo(first.contentType());
        assertThat(repeated.text()).isEqualTo(first.text());
        assertThat(repeated.body().path("events").findValuesAsText("type")).containsExactly("ProjectCreated");

        // Without the key, a second creation of the environment would be a 409: the id is taken.
        String environment = newKey();
        String staging = "{\"name\":\"Staging\",\"abbreviation\":\"staging\"}";
        Answer firstEnvironment = send("dev-ops", "POST", "/projects/" + project + "/environments", environment,
                staging);
        Answer repeatedEnvironment = send("dev-ops", "POST", "/projects/" + project + "/environments", environment,
                staging);
        assertThat(firstEnvironment.status()).isEqualTo(201);
        assertThat(repeatedEnvironment.status()).isEqualTo(201);
        assertThat(repeatedEnvironment.replayed()).isTrue();
        assertThat(repeatedEnvironment.text()).isEqualTo(firstEnvironment.text()).contains(project + "-staging");

        // One organization's events are in order on the topic: a duplicate would come before this package.
        assertThat(send("dev-ops", "POST", "/projects/" + project + "/packages", null,
                "{\"name\":\"vpc\",\"bundle\":\"aws-vpc\",\"resourceType\":\"aws-vpc\"}").status()).isEqualTo(201);
        try (TopicReader topic = new TopicReader(kafka.bootstrapServers(), "infrashare.events")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> eventsAbout(topic, project).contains("PackageAdded"));
            assertThat(eventsAbout(topic, project))
                    .containsExactly("ProjectCreated", "EnvironmentCreated", "PackageAdded");
        }
    }

    @Test
    void theSameKeyForAnotherRequestIsRefusedAndNothingRuns() {
        String key = newKey();
        assertThat(send("dev-ops", "POST", "/projects", key, newProject(project, "Shared Infra")).status())
                .isEqualTo(201);

        Answer otherBody = send("dev-ops", "POST", "/projects", key, newProject(project + "b", "Shared Infra"));
        Answer otherPath = send("dev-ops", "POST", "/projects/" + project + "/environments", key,
                "{\"name\":\"Staging\",\"abbreviation\":\"staging\"}");

        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.contentType()).isEqualTo("application/problem+json");
        assertThat(otherBody.body().path("type").asText()).isEqualTo("/problems/idempotency-key-reused");
        assertThat(otherBody.body().path("status").asInt()).isEqualTo(422);
        assertThat(otherPath.status()).isEqualTo(422);
        assertThat(send("dev-ops", "POST", "/projects/" + project + "b/packages", null,
                "{\"name\":\"vpc\",\"bundle\":\"aws-vpc\",\"resourceType\":\"aws-vpc\"}").status())
                .as("the second project was not created").isEqualTo(404);
        assertThat(send("dev-ops", "POST", "/projects/" + project + "/environments", null,
                "{\"name\":\"Staging\",\"abbreviation\":\"staging\"}").status())
                .as("the environment was not created").isEqualTo(201);
    }

    @Test
    void keysBelongToTheCallerSoAnotherPrincipalsRequestRunsOnItsOwn() {
        String key = newKey();
        String body = newProject(project, "Shared Infra");
        assertThat(send("dev-ops", "POST", "/projects", key, body).status()).isEqualTo(201);

        Answer admins = send("dev-admin", "POST", "/projects", key, body);
        Answer adminsAgain = send("dev-admin", "POST", "/projects", key, body);

        assertThat(admins.status()).as("ran, and found the project taken").isEqualTo(409);
        assertThat(admins.replayed()).isFalse();
        assertThat(admins.body().path("type").asText()).isEqualTo("/problems/already-exists");
        assertThat(adminsAgain.status()).isEqualTo(409);
        assertThat(adminsAgain.replayed()).isTrue();
    }

    @Test
    void aRefusalIsAnAnswerTooAndIsRepeatedAsFirstGiven() {
        String key = newKey();
        String staging = "{\"name\":\"Staging\",\"abbreviation\":\"staging\"}";
        Answer refused = send("dev-ops", "POST", "/projects/" + project + "/environments", key, staging);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(send("dev-ops", "POST", "/projects", null, newProject(project, "Shared Infra")).status())
                .isEqualTo(201);

        Answer repeated = send("dev-ops", "POST", "/projects/" + project + "/environments", key, staging);

        assertThat(repeated.status()).isEqualTo(404);
        assertThat(repeated.replayed()).isTrue();
        assertThat(repeated.contentType()).isEqualTo("application/problem+json");
        assertThat(repeated.text()).isEqualTo(refused.text());
        assertThat(send("dev-ops", "POST", "/projects/" + project + "/environments", newKey(), staging).status())
                .as("a new key is a new request").isEqualTo(201);
    }

    @Test
    void aKeyIsOneTo200PrintableCharacters() {
        Answer tooLong = send("dev-ops", "POST", "/projects", "k".repeat(201), newProject(project, "Shared Infra"));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().path("type").asText()).isEqualTo("/problems/invalid-request");
        assertThat(tooLong.body().path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(send("dev-ops", "POST", "/projects", "k".repeat(200), newProject(project, "Shared Infra"))
                .status()).as("the refused request created nothing").isEqualTo(201);
    }

    @Test
    void aBodyOver64KiBIsRefusedBeforeItIsRead() {
        String key = newKey();
        Answer tooLarge = send("dev-ops", "POST", "/projects", key, projectOfSize(70 * KIB));

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.contentType()).isEqualTo("application/problem+json");
        assertThat(tooLarge.body().path("type").asText()).isEqualTo("/problems/payload-too-large");
        assertThat(tooLarge.body().path("title").asText()).isEqualTo("Payload too large");
        assertThat(tooLarge.body().path("detail").asText()).contains("64 KiB");
        assertThat(send("dev-ops", "POST", "/projects", key, newProject(project, "Shared Infra")).status())
                .as("neither the project nor the key was taken").isEqualTo(201);
        assertThat(send(null, "POST", "/projects", null, projectOfSize(70 * KIB)).status())
                .as("an unknown caller may learn either").isIn(401, 413);
    }

    @Test
    void aChunkedBodyOver64KiBIsRefusedOnceTheLimitIsRead() {
        Answer tooLarge = sendChunked("dev-ops", "/projects", null, projectOfSize(70 * KIB));
        Answer tooLargeWithKey = sendChunked("dev-ops", "/projects", newKey(), projectOfSize(70 * KIB));

        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body().path("type").asText()).isEqualTo("/problems/payload-too-large");
        assertThat(tooLargeWithKey.status()).isEqualTo(413);
        assertThat(tooLargeWithKey.body().path("type").asText()).isEqualTo("/problems/payload-too-large");
        assertThat(send("dev-ops", "POST", "/projects", null, newProject(project, "Shared Infra")).status())
                .as("nothing was created").isEqualTo(201);
    }

    @Test
    void aBodyOfExactly64KiBIsRead() {
        Answer declared = send("dev-ops", "POST", "/projects", null, projectOfSize(64 * KIB));
        Answer chunked = sendChunked("dev-ops", "/projects", null, projectOfSize(64 * KIB));

        assertThat(declared.status()).as("read, and its name is too long").isEqualTo(400);
        assertThat(declared.body().path("errors").get(0).path("field").asText()).isEqualTo("name");
        assertThat(chunked.status()).isEqualTo(400);
        assertThat(chunked.body().path("errors").get(0).path("field").asText()).isEqualTo("name");
    }

    /** A command side of its own on the database, which it keeps between its lives. */
    private ConfigurableApplicationContext commandSide(Database data) {
        String brokers = kafka.bootstrapServers();
        return new SpringApplicationBuilder(CommandApplication.class).run(data.springArguments(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + brokers,
                "--infrashare.publication.enabled=false"));
    }

    private Answer createProject(ConfigurableApplicationContext context, String key) {
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        return Api.localhost(port).as("dev-ops").withIdempotencyKey(key).post("/projects",
                newProject(project, "Shared Infra"));
    }

    @Test
    void anAnswerIsRepeatedAfterARestart() {
        String key = newKey();
        Database data = TestInfrastructure.newDatabase();
        Answer first;
        try (var commandSide = commandSide(data)) {
            first = createProject(commandSide, key);
        }

        Answer repeated;
        try (var restarted = commandSide(data)) {
            repeated = createProject(restarted, key);
        }

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeated.status()).isEqualTo(201);
        assertThat(repeated.replayed()).isTrue();
        assertThat(repeated.text()).isEqualTo(first.text());
    }
}

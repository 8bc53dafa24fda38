package io.infrashare.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.testing.KafkaBroker;
import io.infrashare.testing.WithKafka;
import io.infrashare.testing.WithPostgres;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton's slice, sent over HTTP as a user would, and checked on the topic as a downstream consumer
 * would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka
class CommandSideIT {

    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    KafkaBroker kafka;

    Api http;
    TopicReader topic;
    /** Each test gets its own projects, since the database and topic outlive a test. */
    String si;
    String ecomm;

    @BeforeEach
    void connect() {
        http = Api.localhost(port);
        topic = new TopicReader(kafka.bootstrapServers(), "infrashare.events");
        int run = RUNS.incrementAndGet();
        si = "si" + run;
        ecomm = "ecomm" + run;
    }

    @AfterEach
    void disconnect() {
        topic.close();
    }

    private String sharedVpcInStaging() {
        assertThat(http.as("dev-ops").post("/projects",
                "{\"name\":\"Shared Infra\",\"abbreviation\":\"" + si + "\",\"ownerTeam\":\"ops\"}").status())
                .isEqualTo(201);
        assertThat(http.as("dev-ops").post("/projects/" + si + "/environments",
                "{\"name\":\"Staging\",\"abbreviation\":\"staging\"}").text("id")).isEqualTo(si + "-staging");
        assertThat(http.as("dev-ops").post("/projects/" + si + "/packages",
                "{\"name\":\"vpc\",\"bundle\":\"aws-vpc\",\"resourceType\":\"aws-vpc\"}").status()).isEqualTo(201);
        Answer vpc = http.as("dev-ops").post("/environments/" + si + "-staging/resources",
                "{\"package\":\"vpc\",\"name\":\"US VPC\",\"attributes\":{\"region\":\"us-east-1\"}}");
        assertThat(vpc.status()).isEqualTo(201);
        assertThat(vpc.body().path("owner").path("environment").asText()).isEqualTo(si + "-staging");
        assertThat(vpc.text("origin")).isEqualTo("provisioned");
        assertThat(vpc.text("status")).isEqualTo("active");
        assertThat(vpc.text("type")).isEqualTo("aws-vpc");
        assertThat(vpc.body().path("attributes").path("region").asText()).isEqualTo("us-east-1");
        assertThat(http.as("dev-ecomm").post("/projects",
                "{\"name\":\"ECommerce API\",\"abbreviation\":\"" + ecomm + "\",\"ownerTeam\":\"ecommerce\"}")
                .status()).isEqualTo(201);
        assertThat(http.as("dev-ecomm").post("/projects/" + ecomm + "/environments",
                "{\"name\":\"Staging\",\"abbreviation\":\"staging\",\"labels\":{\"tier\":\"staging\"}}").status())
                .isEqualTo(201);
        return vpc.text("id");
    }

    private List<ConsumerRecord<String, byte[]>> recordsAbout(String... projects) {
        return topic.records().stream()
                .filter(record -> List.of(projects).contains(data(record).path("project").asText()))
                .toList();
    }

    private static JsonNode data(ConsumerRecord<String, byte[]> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSharedVpcBecomesTheConsumersNetworkDefaultAndEveryStepReachesTheTopicInOrder() {
        String vpc = sharedVpcInStaging();
        assertThat(http.as("dev-ops").put("/resources/" + vpc + "/shares/" + ecomm, null).status()).isEqualTo(200);
        Answer set = http.as("dev-ecomm").put("/environments/" + ecomm + "-staging/defaults/aws-vpc",
                "{\"resource\":\"" + vpc + "\"}");
        assertThat(set.status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(recordsAbout(si, ecomm)).hasSize(8));
        List<ConsumerRecord<String, byte[]>> records = recordsAbout(si, ecomm);
        assertThat(records).extracting(record -> TopicReader.header(record, "ce_type")).containsExactly(
                "ProjectCreated", "EnvironmentCreated", "PackageAdded", "ResourceProvisioned",
                "ProjectCreated", "EnvironmentCreated", "ResourceShared", "EnvironmentDefaultSet");
        assertThat(records).allSatisfy(record -> {
            assertThat(record.key()).isEqualTo("acme");
            assertThat(TopicReader.header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicReader.header(record, "ce_source")).isEqualTo("/infrashare/command-side");
            assertThat(TopicReader.header(record, "ce_id")).isNotBlank();
            assertThat(TopicReader.header(record, "ce_time")).isNotBlank();
            assertThat(TopicReader.header(record, "content-type")).isEqualTo("application/json");
            assertThat(TopicReader.header(record, "ce_dataschema")).isEqualTo("https://infrashare.io/schemas/"
                    + TopicReader.header(record, "ce_type") + "/v2.json");
        });
        ConsumerRecord<String, byte[]> defaultSet = records.get(7);
        assertThat(TopicReader.header(defaultSet, "ce_subject")).isEqualTo("environments/" + ecomm + "-staging");
        JsonNode event = data(defaultSet);
        assertThat(event.path("resource").asText()).isEqualTo(vpc);
        assertThat(event.path("type").asText()).isEqualTo("aws-vpc");
        assertThat(event.path("resourceOwner").asText()).isEqualTo(si);
        assertThat(event.path("provenance").path("actor").asText()).isEqualTo("eric");
    }

    @Test
    void aDefaultBeforeTheShareIsRefusedWithAConflictProblemAndRecordsNothing() {
        String vpc = sharedVpcInStaging();

        Answer refused = http.as("dev-ecomm").put("/environments/" + ecomm + "-staging/defaults/aws-vpc",
                "{\"resource\":\"" + vpc + "\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).isEqualTo("application/problem+json");
        assertThat(refused.text("type")).isEqualTo("/problems/not-shared");
        assertThat(refused.body().path("status").asInt()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("not shared with project " + ecomm);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(recordsAbout(si, ecomm)).hasSize(6));
        assertThat(recordsAbout(si, ecomm)).extracting(record -> TopicReader.header(record, "ce_type"))
                .doesNotContain("EnvironmentDefaultSet");
    }

    @Test
    void theReasonAndCorrelationIdOfARequestTravelWithItsEvent() {
        Answer created = http.as("dev-ops").post("/projects",
                "{\"name\":\"Shared Infra\",\"abbreviation\":\"" + si + "\",\"ownerTeam\":\"ops\"}");
        assertThat(created.status()).isEqualTo(201);
        // printable ASCII needs no percent-encoding: the reason goes as it is
        String correlationId = http.as("dev-ops").withHeader("X-Reason", "staging for the Q3 launch")
                .withCorrelationId("ticket-4711")
                .post("/projects/" + si + "/environments", "{\"name\":\"Staging\",\"abbreviation\":\"staging\"}")
                .requireSuccess().correlationId();
        assertThat(correlationId).as("the service's own id, not the client's").isNotEqualTo("ticket-4711");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(recordsAbout(si)).hasSize(2));
        ConsumerRecord<String, byte[]> environment = recordsAbout(si).get(1);
        assertThat(data(environment).path("provenance").path("reason").asText()).isEqualTo("staging for the Q3 launch");
        assertThat(TopicReader.header(environment, "ce_correlationid")).isEqualTo(correlationId);
        assertThat(data(environment).path("provenance").path("correlationId").asText()).isEqualTo(correlationId);
        assertThat(data(environment).path("provenance").path("clientReference").asText()).isEqualTo("ticket-4711");
        assertThat(data(environment).path("provenance").path("actorId").asText()).isEqualTo("olivia");
        assertThat(data(recordsAbout(si).get(0)).path("provenance").path("reason").isNull()).isTrue();
    }

    @Test
    void aReasonOutsideAsciiTravelsPercentEncodedAndRawBytesAreRefused() throws IOException {
        http.as("dev-ops").post("/projects",
                "{\"name\":\"Shared Infra\",\"abbreviation\":\"" + si + "\",\"ownerTeam\":\"ops\"}");
        String body = "{\"name\":\"Staging\",\"abbreviation\":\"staging\"}";

        String raw = rawRequest("/projects/" + si + "/environments", "Z\u00fcrich".getBytes(StandardCharsets.UTF_8),
                body);
        String badEscape = rawRequest("/projects/" + si + "/environments",
                "Z%C3%28rich".getBytes(StandardCharsets.US_ASCII), body);
        String encoded = rawRequest("/projects/" + si + "/environments",
                "Z%C3%BCrich: 50% of traffic, %E2%98%83".getBytes(StandardCharsets.US_ASCII), body);

        assertThat(raw).startsWith("HTTP/1.1 400").contains("percent-encoded UTF-8").contains("Z%C3%BCrich");
        assertThat(badEscape).startsWith("HTTP/1.1 400").contains("not UTF-8");
        assertThat(encoded).startsWith("HTTP/1.1 201");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(recordsAbout(si)).hasSize(2));
        assertThat(data(recordsAbout(si).get(1)).path("provenance").path("reason").asText())
                .isEqualTo("Z\u00fcrich: 50% of traffic, \u2603");
    }

    /** A write whose {@code X-Reason} is the given bytes, as no HTTP client library would send them. */
    private String rawRequest(String path, byte[] reason, String body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer dev-ops\r\n"
                    + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: " + body.length()
                    + "\r\nX-Reason: ").getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(reason);
            request.writeBytes(("\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(request.toByteArray());
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void requestsWithoutAValidTokenAreUnauthenticated() {
        Answer none = http.post("/projects", "{}");
        Answer unknown = http.as("not-a-token").post("/projects", "{}");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.text("type")).isEqualTo("/problems/unauthenticated");
        assertThat(unknown.status()).isEqualTo(401);
    }

    @Test
    void anotherOrganizationsProjectIsNotFound() {
        sharedVpcInStaging();

        Answer answer = http.as("dev-globex").post("/projects/" + si + "/environments",
                "{\"name\":\"Prod\",\"abbreviation\":\"prod\"}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text("type")).isEqualTo("/problems/not-found");
        assertThat(answer.text("detail")).isEqualTo("Project " + si + " does not exist.");
    }

    @Test
    void aConsumerMayNotManageTheOwnersProject() {
        sharedVpcInStaging();

        Answer answer = http.as("dev-ecomm").post("/projects/" + si + "/environments",
                "{\"name\":\"Prod\",\"abbreviation\":\"prod\"}");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.text("type")).isEqualTo("/problems/forbidden");
    }

    @Test
    void aTakenAbbreviationIsAConflict() {
        String body = "{\"name\":\"Shared Infra\",\"abbreviation\":\"" + si + "\",\"ownerTeam\":\"ops\"}";
        assertThat(http.as("dev-ops").post("/projects", body).status()).isEqualTo(201);

        Answer again = http.as("dev-ops").post("/projects", body);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).isEqualTo("/problems/already-exists");
    }

    @Test
    void invalidInputIsABadRequestNamingTheField() {
        Answer badAbbreviation = http.as("dev-ops").post("/projects",
                "{\"name\":\"Shared Infra\",\"abbreviation\":\"Shared-Infra\",\"ownerTeam\":\"ops\"}");
        Answer unknownField = http.as("dev-ops").post("/projects",
                "{\"name\":\"Shared Infra\",\"abreviation\":\"si\",\"ownerTeam\":\"ops\"}");
        Answer malformed = http.as("dev-ops").post("/projects", "{\"name\":");
        Answer wrongType = http.as("dev-ops").post("/projects",
                "{\"name\":[1],\"abbreviation\":\"" + si + "\",\"ownerTeam\":\"ops\"}");
        Answer badResourceId = http.as("dev-ops").put("/resources/not-a-uuid/shares/" + ecomm, null);
        Answer longName = http.as("dev-ops").post("/projects",
                "{\"name\":\"" + "x".repeat(201) + "\",\"abbreviation\":\"" + si + "\",\"ownerTeam\":\"ops\"}");

        assertThat(badAbbreviation.status()).isEqualTo(400);
        assertThat(badAbbreviation.text("type")).isEqualTo("/problems/invalid-request");
        assertThat(badAbbreviation.body().path("errors").get(0).path("field").asText()).isEqualTo("abbreviation");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.body().path("errors").get(0).path("field").asText()).isEqualTo("abreviation");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text("type")).isEqualTo("/problems/invalid-request");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body().path("errors").get(0).path("field").asText()).isEqualTo("name");
        assertThat(badResourceId.status()).isEqualTo(400);
        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.body().path("errors").get(0).path("field").asText()).isEqualTo("name");
        Answer longReason = http.as("dev-ops").withReason("r".repeat(1001)).post("/projects",
                "{\"name\":\"Shared Infra\",\"abbreviation\":\"" + si + "\",\"ownerTeam\":\"ops\"}");

        assertThat(longReason.status()).isEqualTo(400);
        assertThat(http.as("dev-ops").post("/projects/" + si + "/environments",
                "{\"name\":\"Staging\",\"abbreviation\":\"staging\"}").status())
                .as("no project was created by any of the invalid requests").isEqualTo(404);
    }
}

package io.infrashare.command.it;

import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.testing.KafkaBroker;
import io.infrashare.testing.WithKafka;
import io.infrashare.testing.WithPostgres;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * A secret in a label or an attribute, by its name or by its value, is refused by every write that takes labels or
 * attributes, with a 400 that names the entry and the kind of secret and never repeats it; nothing is recorded, so
 * no consumer of the topic ever reads it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka
class SecretsIT {

    private static final String OPS = "dev-ops";
    private static final String PASSWORD = "hunter2";
    /** Made of its parts, so that no scanner takes this source for a leak. */
    private static final String GITHUB_TOKEN = "ghp_" + "R4nd0mL00k1ngT0k3nV4lu3F0rTh3T3st5xy";

    @LocalServerPort
    int port;
    @Autowired
    KafkaBroker kafka;

    private Api http;
    private TopicReader topic;
    private String vpc;

    @BeforeAll
    void aProjectWithAnEnvironmentAndAResource() {
        http = Api.localhost(port);
        topic = new TopicReader(kafka.bootstrapServers(), "infrashare.events");
        assertThat(http.as(OPS).post("/projects", "{\"name\":\"Secrets\",\"abbreviation\":\"sx\",\"ownerTeam\":\"ops\"}")
                .status()).isEqualTo(201);
        assertThat(http.as(OPS).post("/projects/sx/environments", "{\"name\":\"Staging\",\"abbreviation\":\"staging\"}")
                .status()).isEqualTo(201);
        for (String pkg : List.of("vpc", "db")) {
            assertThat(http.as(OPS).post("/projects/sx/packages", "{\"name\":\"" + pkg + "\",\"bundle\":\"aws-" + pkg
                    + "\",\"resourceType\":\"aws-" + pkg + "\"}").status()).isEqualTo(201);
        }
        vpc = http.as(OPS).post("/environments/sx-staging/resources", "{\"package\":\"vpc\",\"name\":\"VPC\"}")
                .text("id");
    }

    @AfterAll
    void disconnect() {
        topic.close();
    }

    @Test
    void everyWriteThatTakesLabelsOrAttributesRefusesASecretWithoutRepeatingIt() {
        assertRefused(http.as(OPS).post("/environments/sx-staging/resources",
                        "{\"package\":\"db\",\"name\":\"DB\",\"attributes\":{\"dsn\":\"postgres://u:" + PASSWORD
                                + "@h/db\"}}"),
                "attributes.dsn", "holds a URL with a password");
        assertRefused(http.as(OPS).post("/projects/sx/resources",
                        "{\"type\":\"postgresql\",\"name\":\"legacy db\",\"attributes\":{\"host\":\"db.internal\","
                                + "\"DBPassword\":\"" + PASSWORD + "\"}}"),
                "attributes.DBPassword", "is named like a secret (password)");
        assertRefused(http.as(OPS).patch("/resources/" + vpc,
                        "{\"attributes\":{\"p\u0430ssword\":\"" + PASSWORD + "\"}}"),
                "attributes.p\u0430ssword", "is named like a secret (password)");
        assertRefused(http.as(OPS).post("/projects/sx/environments",
                        "{\"name\":\"Prod\",\"abbreviation\":\"prod\",\"labels\":{\"DBPassword\":\"" + PASSWORD
                                + "\"}}"),
                "labels.DBPassword", "is named like a secret (password)");
        assertRefused(http.as(OPS).post("/projects/sx/environments",
                        "{\"name\":\"Fork\",\"abbreviation\":\"fork\",\"forkOf\":\"sx-staging\","
                                + "\"labels\":{\"deployedBy\":\"" + GITHUB_TOKEN + "\"}}"),
                "labels.deployedBy", "holds a GitHub token");
    }

    @Test
    void aRefusedSecretRecordsNothingAndTheWriteWithoutItSucceeds() {
        assertThat(http.as(OPS).post("/environments/sx-staging/resources", "{\"package\":\"db\",\"name\":\"DB\","
                + "\"attributes\":{\"dsn\":\"postgres://u:" + PASSWORD + "@h/db\"}}").status()).isEqualTo(400);
        assertThat(http.as(OPS).post("/projects/sx/environments", "{\"name\":\"Dev\",\"abbreviation\":\"dev\","
                + "\"labels\":{\"tier\":\"dev\",\"dbPwd\":\"" + PASSWORD + "\"}}").status()).isEqualTo(400);

        // had either been recorded, these would be 409s: the package provisioned, the environment existing
        assertThat(http.as(OPS).post("/environments/sx-staging/resources", "{\"package\":\"db\",\"name\":\"DB\","
                + "\"attributes\":{\"dsn\":\"postgres://u@h/db\",\"passwordSecretArn\":\"arn:aws:secretsmanager:"
                + "eu-west-1:123456789012:secret:db\"}}").status()).isEqualTo(201);
        assertThat(http.as(OPS).post("/projects/sx/environments", "{\"name\":\"Dev\",\"abbreviation\":\"dev\","
                + "\"labels\":{\"tier\":\"dev\"}}").status()).isEqualTo(201);

        // publication follows the stored order: once the last write is published, anything before it is too
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                .until(() -> topic.records().stream().anyMatch(record -> text(record).contains("\"sx-dev\"")));
        List<ConsumerRecord<String, byte[]>> aboutSx = topic.records().stream()
                .filter(record -> text(record).contains("\"project\":\"sx\"")).toList();
        assertThat(aboutSx).extracting(record -> TopicReader.header(record, "ce_type")).containsExactly(
                "ProjectCreated", "EnvironmentCreated", "PackageAdded", "PackageAdded", "ResourceProvisioned",
                "ResourceProvisioned", "EnvironmentCreated");
        assertThat(topic.records()).noneMatch(record -> text(record).contains(PASSWORD)
                || text(record).contains(GITHUB_TOKEN));
    }

    private static String text(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    private static void assertRefused(Answer answer, String field, String message) {
        assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.text("type")).isEqualTo("/problems/invalid-request");
        assertThat(answer.body().path("errors")).extracting(error -> error.path("field").asText(),
                error -> error.path("message").asText()).containsExactly(tuple(field, message));
        assertThat(answer.body().toString()).doesNotContain(PASSWORD).doesNotContain(GITHUB_TOKEN);
    }
}

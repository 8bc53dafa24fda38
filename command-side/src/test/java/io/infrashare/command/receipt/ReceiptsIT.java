package io.infrashare.command.receipt;

import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.testing.WithPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command's answer names the events it recorded by the ids the event store holds them under, the ids an auditor
 * later asks the query side to prove: checked against the store's own rows, in their order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "infrashare.publication.enabled=false")
@WithPostgres
class ReceiptsIT {

    private static final AtomicInteger RUNS = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    private Api http;
    /** The ops team's project, which owns the shared infrastructure, and the e-commerce team's, which consumes it. */
    private String infra;
    private String shop;

    @BeforeEach
    void freshProjects() {
        http = Api.localhost(port);
        int run = RUNS.incrementAndGet();
        infra = "rc" + run + "infra";
        shop = "rc" + run + "shop";
    }

    @Test
    void aShareNamesTheOneResourceSharedEventTheStoreHolds() {
        String vpc = vpcOfInfraStaging();
        created(http.as("dev-ecomm").post("/projects", project(shop, "ecommerce")));

        Answer shared = http.as("dev-ops").put("/resources/" + vpc + "/shares/" + shop, null);
        Answer sharedAgain = http.as("dev-ops").put("/resources/" + vpc + "/shares/" + shop, null);

        assertThat(shared.status()).isEqualTo(200);
        assertThat(shared.text("resource")).isEqualTo(vpc);
        List<StoredEvent> stored = storedOf(infra);
        assertThat(named(shared)).containsExactly(stored.get(stored.size() - 1))
                .extracting(StoredEvent::type).containsExactly("ResourceShared");
        assertThat(sharedAgain.status()).isEqualTo(200);
        assertThat(named(sharedAgain)).as("sharing again records nothing").isEmpty();
        assertThat(storedOf(infra)).isEqualTo(stored);
    }

    @Test
    void aTeardownListsEveryEventItRecordedInTheOrderStored() {
        String vpc = vpcOfInfraStaging();
        created(http.as("dev-ops").post("/projects/" + infra + "/packages", pkg("k8s", "kubernetes-cluster")));
        String cluster = created(http.as("dev-ops").post("/environments/" + infra + "-staging/resources",
                "{\"package\":\"k8s\",\"name\":\"Cluster\"}")).text("id");
        created(http.as("dev-ecomm").post("/projects", project(shop, "ecommerce")));
        for (String resource : List.of(vpc, cluster)) {
            assertThat(http.as("dev-ops").put("/resources/" + resource + "/shares/" + shop, null).status())
                    .isEqualTo(200);
        }
        String staging = created(http.as("dev-ecomm").post("/projects/" + shop + "/environments",
                "{\"name\":\"Staging\",\"abbreviation\":\"staging\"}")).text("id");
        created(http.as("dev-ecomm").post("/projects/" + shop + "/packages", pkg("cluster", "kubernetes-cluster")));
        created(http.as("dev-ecomm").post("/projects/" + shop + "/packages", pkg("queue", "aws-sqs-queue")));
        assertThat(http.as("dev-ecomm").put("/environments/" + staging + "/defaults/aws-vpc",
                "{\"resource\":\"" + vpc + "\"}").status()).isEqualTo(200);
        assertThat(http.as("dev-ecomm").put("/environments/" + staging + "/remote-references/cluster",
                "{\"resource\":\"" + cluster + "\"}").status()).isEqualTo(200);
        created(http.as("dev-ecomm").post("/environments/" + staging + "/resources",
                "{\"package\":\"queue\",\"name\":\"Queue\"}"));
        int before = storedOf(shop).size();

        Answer deleted = http.as("dev-ecomm").delete("/environments/" + staging);

        assertThat(deleted.status()).isEqualTo(200);
        List<StoredEvent> stored = storedOf(shop);
        assertThat(named(deleted)).isEqualTo(stored.subList(before, stored.size()))
                .extracting(StoredEvent::type).containsExactly("EnvironmentDefaultCleared", "RemoteReferenceRemoved",
                        "ResourceDecommissioned", "EnvironmentDeleted");
    }

    @Test
    void aRepeatWithTheSameIdempotencyKeyAnswersTheSameIdsAndRecordsNothing() {
        created(http.as("dev-ops").post("/projects", project(infra, "ops")));
        String key = UUID.randomUUID().toString();
        String staging = "{\"name\":\"Staging\",\"abbreviation\":\"staging\"}";

        Answer first = http.as("dev-ops").withIdempotencyKey(key).post("/projects/" + infra + "/environments", staging);
        Answer repeated = http.as("dev-ops").withIdempotencyKey(key).post("/projects/" + infra + "/environments",
                staging);

        assertThat(repeated.replayed()).isTrue();
        List<StoredEvent> stored = storedOf(infra);
        assertThat(stored).extracting(StoredEvent::type).containsExactly("ProjectCreated", "EnvironmentCreated");
        assertThat(named(first)).containsExactly(stored.get(1));
        assertThat(named(repeated)).isEqualTo(named(first));
    }

    /** An event as the answer names it, and as the event store holds it. */
    private record StoredEvent(String id, String type) {
    }

    private static List<StoredEvent> named(Answer answer) {
        List<StoredEvent> events = new ArrayList<>();
        answer.body().path("events").forEach(event -> events.add(new StoredEvent(event.path("id").asText(),
                event.path("type").asText())));
        return events;
    }

    /** The rows of acme's project in the event store, in the order they were appended. */
    private List<StoredEvent> storedOf(String project) {
        return jdbc.sql("SELECT eventIdentifier, payloadType FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                        + "ORDER BY sequenceNumber")
                .param("acme/" + project)
                .query((row, number) -> new StoredEvent(row.getString(1),
                        row.getString(2).substring(row.getString(2).lastIndexOf('.') + 1)))
                .list();
    }

    private String vpcOfInfraStaging() {
        created(http.as("dev-ops").post("/projects", project(infra, "ops")));
        created(http.as("dev-ops").post("/projects/" + infra + "/environments",
                "{\"name\":\"Staging\",\"abbreviation\":\"staging\"}"));
        created(http.as("dev-ops").post("/projects/" + infra + "/packages", pkg("vpc", "aws-vpc")));
        return created(http.as("dev-ops").post("/environments/" + infra + "-staging/resources",
                "{\"package\":\"vpc\",\"name\":\"VPC\"}")).text("id");
    }

    private static Answer created(Answer answer) {
        assertThat(answer.status()).as("answer %s", answer.text()).isEqualTo(201);
        return answer;
    }

    private static String project(String abbreviation, String team) {
        return "{\"name\":\"Project " + abbreviation + "\",\"abbreviation\":\"" + abbreviation + "\",\"ownerTeam\":\""
                + team + "\"}";
    }

    private static String pkg(String name, String type) {
        return "{\"name\":\"" + name + "\",\"bundle\":\"" + type + "\",\"resourceType\":\"" + type + "\"}";
    }
}

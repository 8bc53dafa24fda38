package io.infrashare.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.testing.WithPostgres;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.infrashare.command.it.SharedInfrastructure.succeeds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An owner asks what a write would do before doing it: {@code ?dryRun=true} runs the command's checks against the
 * current state and answers the same refusal, or what would be recorded, and records nothing: no event, no catalog
 * row, no idempotency key. The configuration is {@link CatalogRebuildIT}'s, so that both share one application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "infrashare.publication.enabled=false", "infrashare.commands.snapshot-threshold=5"})
@WithPostgres
class DryRunIT {

    private static final String DRY_RUN = "application/vnd.infrashare.dry-run+json";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    ObjectMapper json;

    @Test
    void aDryRunRevocationOfAShareInUseIsTheRealRefusalAndRecordsNothing() {
        Api http = Api.localhost(port);
        SharedInfrastructure sharing = SharedInfrastructure.build(http, "r");
        Stored before = stored();

        Answer dryRun = http.as("dev-ops").withIdempotencyKey("revoke-1")
                .delete("/resources/" + sharing.vpc() + "/shares/" + sharing.shop() + "?dryRun=true");

        assertThat(dryRun.status()).isEqualTo(409);
        assertThat(dryRun.problem()).isEqualTo("share-in-use");
        assertThat(dryRun.body().path("consumers").findValuesAsText("environment"))
                .containsExactly(sharing.shop() + "-staging");
        assertThat(stored()).as("nothing recorded, no key taken").isEqualTo(before);
        Answer real = http.as("dev-ops").delete("/resources/" + sharing.vpc() + "/shares/" + sharing.shop());
        assertThat(real.status()).isEqualTo(409);
        assertThat(real.contentType()).isEqualTo(dryRun.contentType());
        assertThat(dryRun.body()).isEqualTo(real.body());
    }

    @Test
    void aDryRunTeardownListsItsReleasesAndTheTeardownRecordsExactlyThose() {
        Api http = Api.localhost(port);
        SharedInfrastructure sharing = SharedInfrastructure.build(http, "t");
        String shop = sharing.shop();
        succeeds(http.as("dev-ecomm").post("/projects/" + shop + "/environments",
                "{\"name\":\"Preview\",\"abbreviation\":\"pr2\",\"forkOf\":\"" + shop + "-staging\"}"));
        succeeds(http.as("dev-ecomm").post("/projects/" + shop + "/packages",
                "{\"name\":\"db\",\"bundle\":\"aws-rds\",\"resourceType\":\"postgresql\"}"));
        String db = succeeds(http.as("dev-ecomm").post("/environments/" + shop + "-pr2/resources",
                "{\"package\":\"db\",\"name\":\"Preview db\"}")).text("id");
        Stored before = stored();

        Answer dryRun = http.as("dev-ecomm").delete("/environments/" + shop + "-pr2?dryRun=true");

        assertThat(dryRun.status()).as(dryRun.text()).isEqualTo(200);
        assertThat(dryRun.contentType()).isEqualTo(DRY_RUN);
        assertThat(dryRun.body().path("dryRun").asBoolean()).isTrue();
        List<JsonNode> wouldRecord = new ArrayList<>();
        dryRun.body().path("wouldRecord").forEach(wouldRecord::add);
        assertThat(wouldRecord).extracting(event -> event.path("type").asText() + " " + event.path("subject").asText())
                .containsExactly(
                        "EnvironmentDefaultCleared environments/" + shop + "-pr2",
                        "RemoteReferenceRemoved environments/" + shop + "-pr2",
                        "ResourceDecommissioned resources/" + db,
                        "EnvironmentDeleted environments/" + shop + "-pr2");
        assertThat(stored()).as("nothing recorded").isEqualTo(before);

        Answer teardown = succeeds(http.as("dev-ecomm").delete("/environments/" + shop + "-pr2"));
        List<String> ids = teardown.body().path("events").findValuesAsText("id");
        Map<String, InfrashareEvent> stored = storedEvents("acme/" + shop);
        assertThat(ids).hasSameSizeAs(wouldRecord);
        for (int i = 0; i < ids.size(); i++) {
            InfrashareEvent recorded = stored.get(ids.get(i));
            JsonNode expected = wouldRecord.get(i);
            assertThat(recorded.eventType()).isEqualTo(expected.path("type").asText());
            assertThat(recorded.subject()).isEqualTo(expected.path("subject").asText());
            assertThat(withoutProvenance(json.valueToTree(recorded)))
                    .as("the data of %s, provenance aside", recorded.eventType())
                    .isEqualTo(withoutProvenance(expected.path("data")));
        }
    }

    @Test
    void everyCommandTakesADryRunAndRecordsNothing() {
        Api http = Api.localhost(port);
        SharedInfrastructure sharing = SharedInfrastructure.build(http, "a");
        String infra = "ainfra";
        String shop = sharing.shop();
        succeeds(http.as("dev-ops").post("/projects/" + infra + "/environments",
                "{\"name\":\"Prod\",\"abbreviation\":\"prod\"}"));
        Stored before = stored();
        record Write(String token, String method, String path, String body, List<String> wouldRecord) {
        }

        List<Write> writes = List.of(
                new Write("dev-ops", "POST", "/projects", "{\"name\":\"New\",\"abbreviation\":\"anew\","
                        + "\"ownerTeam\":\"ops\"}", List.of("ProjectCreated")),
                new Write("dev-ecomm", "POST", "/projects/" + shop + "/environments", "{\"name\":\"PR\","
                        + "\"abbreviation\":\"pr3\",\"forkOf\":\"" + shop + "-staging\"}",
                        List.of("EnvironmentCreated", "EnvironmentDefaultSet", "RemoteReferenceAdded")),
                new Write("dev-ecomm", "DELETE", "/environments/" + shop + "-staging", null,
                        List.of("EnvironmentDefaultCleared", "RemoteReferenceRemoved", "EnvironmentDeleted")),
                new Write("dev-ops", "POST", "/projects/" + infra + "/packages", "{\"name\":\"db\","
                        + "\"bundle\":\"aws-rds\",\"resourceType\":\"postgresql\"}", List.of("PackageAdded")),
                new Write("dev-ops", "POST", "/environments/" + infra + "-prod/resources",
                        "{\"package\":\"vpc\",\"name\":\"Prod VPC\"}", List.of("ResourceProvisioned")),
                new Write("dev-ops", "POST", "/projects/" + infra + "/resources",
                        "{\"type\":\"redis\",\"name\":\"cache\"}", List.of("ResourceImported")),
                new Write("dev-ops", "PATCH", "/resources/" + sharing.vpc(), "{\"attributes\":{\"cidr\":"
                        + "\"10.0.0.0/16\"}}", List.of("ResourceReconfigured")),
                new Write("dev-ops", "POST", "/resources/" + sharing.revoked() + "/decommission", null,
                        List.of("ResourceDecommissioned")),
                new Write("dev-ops", "PUT", "/resources/" + sharing.revoked() + "/shares/" + shop, null,
                        List.of("ResourceShared")),
                new Write("dev-ops", "DELETE", "/resources/" + sharing.revoked() + "/shares/" + shop, null, null),
                new Write("dev-ecomm", "DELETE", "/environments/" + shop + "-staging/defaults/aws-vpc", null,
                        List.of("EnvironmentDefaultCleared")),
                new Write("dev-ecomm", "PUT", "/environments/" + shop + "-staging/defaults/aws-vpc",
                        "{\"resource\":\"" + sharing.vpc() + "\"}", List.of()),
                new Write("dev-ecomm", "DELETE", "/environments/" + shop + "-staging/remote-references/k8s", null,
                        List.of("RemoteReferenceRemoved")),
                new Write("dev-ecomm", "PUT", "/environments/" + shop + "-staging/remote-references/k8s",
                        "{\"resource\":\"" + sharing.cluster() + "\"}", List.of()),
                new Write("dev-admin", "PUT", "/resource-types/redis", "{\"defaultable\":true}",
                        List.of("ResourceTypeConfigured")));

        for (Write write : writes) {
            Answer dryRun = http.as(write.token()).send(write.method(), write.path() + "?dryRun=true", write.body());
            String request = write.method() + " " + write.path();
            if (write.wouldRecord() == null) {
                assertThat(dryRun.status()).as(request + ": no share to revoke").isEqualTo(404);
                continue;
            }
            assertThat(dryRun.status()).as(request + ": " + dryRun.text()).isEqualTo(200);
            assertThat(dryRun.contentType()).as(request).isEqualTo(DRY_RUN);
            assertThat(wouldRecord(dryRun)).as(request).isEqualTo(write.wouldRecord());
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aDryRunNeitherTakesNorReplaysAnIdempotencyKey() {
        Api ops = Api.localhost(port).as("dev-ops").withIdempotencyKey("create-dk");
        String project = "{\"name\":\"Dry\",\"abbreviation\":\"dk\",\"ownerTeam\":\"ops\"}";
        Stored before = stored();

        Answer dryRun = ops.post("/projects?dryRun=true", project);

        assertThat(dryRun.status()).as(dryRun.text()).isEqualTo(200);
        assertThat(dryRun.replayed()).isFalse();
        assertThat(wouldRecord(dryRun)).containsExactly("ProjectCreated");
        assertThat(dryRun.body().path("wouldRecord").get(0).path("data").path("project").asText()).isEqualTo("dk");
        assertThat(stored()).as("nothing recorded, no key taken").isEqualTo(before);

        Answer created = ops.post("/projects", project);
        assertThat(created.status()).as("the real creation after it").isEqualTo(201);
        assertThat(created.replayed()).isFalse();
        assertThat(created.body().path("events").findValuesAsText("type")).containsExactly("ProjectCreated");

        Answer again = ops.post("/projects?dryRun=true", project);
        assertThat(again.replayed()).as("the key's answer is not replayed to a dry run").isFalse();
        assertThat(again.status()).as("the project exists now").isEqualTo(409);
        assertThat(again.problem()).isEqualTo("already-exists");
    }

    @Test
    void aDryRunOfAWriteThatChangesNothingWouldRecordNothing() {
        Api http = Api.localhost(port);
        SharedInfrastructure sharing = SharedInfrastructure.build(http, "n");
        Stored before = stored();

        Answer shareAgain = http.as("dev-ops").put("/resources/" + sharing.vpc() + "/shares/" + sharing.shop()
                + "?dryRun=true", null);

        assertThat(shareAgain.status()).as(shareAgain.text()).isEqualTo(200);
        assertThat(shareAgain.body().path("dryRun").asBoolean()).isTrue();
        assertThat(shareAgain.body().path("wouldRecord").isEmpty()).isTrue();
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aDryRunNeedsTheRoleTheCommandNeeds() {
        Api http = Api.localhost(port);
        SharedInfrastructure sharing = SharedInfrastructure.build(http, "p");

        Answer dryRun = http.as("dev-ecomm").post("/resources/" + sharing.vpc() + "/decommission?dryRun=true", null);
        Answer real = http.as("dev-ecomm").post("/resources/" + sharing.vpc() + "/decommission", null);

        assertThat(dryRun.status()).isEqualTo(403);
        assertThat(dryRun.body()).isEqualTo(real.body());
        assertThat(http.as("dev-auditor").post("/projects?dryRun=true",
                "{\"name\":\"Audit\",\"abbreviation\":\"paudit\",\"ownerTeam\":\"ops\"}").status()).isEqualTo(403);
    }

    @Test
    void dryRunIsTrueOrFalseAndAnythingElseIsABadRequest() {
        Api ops = Api.localhost(port).as("dev-ops");
        Stored before = stored();

        for (String query : List.of("dryRun=maybe", "dryRun=TRUE", "dryRun=", "dryRun", "dryRun=true&dryRun=true")) {
            Answer refused = ops.post("/projects?" + query,
                    "{\"name\":\"Bad\",\"abbreviation\":\"bq\",\"ownerTeam\":\"ops\"}");
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.problem()).isEqualTo("invalid-request");
            assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("dryRun");
        }
        Answer rebuild = Api.localhost(port).as("dev-operator").post("/admin/catalog/rebuild?dryRun=true", null);
        assertThat(rebuild.status()).as("the operator's operations have no dry run").isEqualTo(400);
        assertThat(stored()).isEqualTo(before);

        Answer real = ops.post("/projects?dryRun=false",
                "{\"name\":\"Bad\",\"abbreviation\":\"bq\",\"ownerTeam\":\"ops\"}");
        assertThat(real.status()).as("dryRun=false is the write itself").isEqualTo(201);
    }

    /** What a write leaves behind: stored events, the catalog's rows and the idempotency keys taken. */
    private record Stored(long events, Set<String> catalog, long keys) {
    }

    private Stored stored() {
        return new Stored(count("DomainEventEntry"), SharedInfrastructure.catalog(jdbc),
                count("idempotent_request"));
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    /** The project's stored events by id, read back as the command side reads its history. */
    private Map<String, InfrashareEvent> storedEvents(String project) {
        return eventStore.readEvents(project, 0).asStream()
                .collect(Collectors.toMap(EventMessage::getIdentifier,
                        event -> (InfrashareEvent) event.getPayload(), (a, b) -> a, TreeMap::new));
    }

    /** The types of the events a dry run would record, in order. */
    private static List<String> wouldRecord(Answer dryRun) {
        List<String> types = new ArrayList<>();
        dryRun.body().path("wouldRecord").forEach(event -> types.add(event.path("type").asText()));
        return types;
    }

    private static JsonNode withoutProvenance(JsonNode data) {
        ObjectNode copy = data.deepCopy();
        copy.remove("provenance");
        return copy;
    }
}

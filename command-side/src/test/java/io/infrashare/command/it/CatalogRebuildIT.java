package io.infrashare.command.it;

import io.infrashare.command.CommandApplication;
import io.infrashare.command.catalog.CatalogRebuild;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.testing.WithPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The catalog is a projection of the event store like the read models: emptied or corrupted by a hand at the
 * database, it is rebuilt from the stored events alone, by the operator or when a node starts, and the rules that
 * span two projects decide on it as before. Projects are stored as snapshots here, which the rebuild does not read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "infrashare.publication.enabled=false", "infrashare.commands.snapshot-threshold=5"})
@WithPostgres
@ExtendWith(OutputCaptureExtension.class)
class CatalogRebuildIT {

    private static final List<String> TABLES = List.of("project_catalog", "resource_catalog", "resource_share",
            "consumption", "resource_type_config");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;
    @Autowired
    CatalogRebuild rebuild;

    @Test
    void theOperatorRebuildsAnEmptiedCatalogAndTheRulesRefuseAsBefore() {
        Api http = Api.localhost(port);
        History history = history(http, "e");
        Set<String> catalog = catalog();
        TABLES.forEach(table -> jdbc.sql("DELETE FROM " + table).update());

        assertThat(http.as("dev-admin").post("/admin/catalog/rebuild", null).status())
                .as("an organization's admin does not rebuild what every organization shares").isEqualTo(403);
        Answer rebuilt = http.as("dev-operator").post("/admin/catalog/rebuild", null);

        assertThat(rebuilt.status()).as(rebuilt.body().toString()).isEqualTo(200);
        assertThat(rebuilt.body().path("events").asLong()).isEqualTo(storedEvents());
        assertThat(rebuilt.body().path("rows").asInt()).isEqualTo(catalog.size());
        assertThat(rebuilt.body().path("missing").asInt()).isEqualTo(catalog.size());
        assertThat(rebuilt.body().path("unexpected").asInt()).isZero();
        assertThat(catalog()).isEqualTo(catalog);
        rulesStillRefuse(http, history);

        // an operator's script may send a key with every write: the rebuild is no command and takes none
        Answer again = http.as("dev-operator").withIdempotencyKey("rebuild-1").post("/admin/catalog/rebuild", null);
        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
        assertThat(again.body().path("missing").asInt() + again.body().path("unexpected").asInt())
                .as("a catalog that agrees with the history").isZero();
        assertThat(rebuild.check().agreed()).as("the comparison a starting node makes").isTrue();
        assertThat(catalog()).isEqualTo(catalog);
    }

    @Test
    void aNodeStartingOnACatalogThatDisagreesWithTheHistoryLogsTheDifferencesAndRebuildsIt(CapturedOutput output) {
        Api http = Api.localhost(port);
        History history = history(http, "s");
        Set<String> catalog = catalog();
        // what a careless hand or a defect could leave: a consumer forgotten, a revoked share back, a resource gone
        jdbc.sql("DELETE FROM consumption WHERE environment = ?").param(history.shop() + "-staging").update();
        jdbc.sql("INSERT INTO resource_share (resource_id, project) VALUES (?, ?)")
                .params(UUID.fromString(history.revoked()), history.shop()).update();
        jdbc.sql("UPDATE resource_catalog SET status = 'decommissioned' WHERE resource_id = ?")
                .param(UUID.fromString(history.cluster())).update();

        try (ConfigurableApplicationContext node = node()) {
            assertThat(node.isActive()).isTrue();
        }

        assertThat(output.getOut()).contains("The catalog disagreed with the")
                .containsPattern("missing +consumption\\{.*environment=" + history.shop() + "-staging")
                .containsPattern("unexpected resource_share\\{project=" + history.shop() + ", resource_id="
                        + history.revoked() + "}")
                .containsPattern("unexpected resource_catalog\\{.*resource_id=" + history.cluster()
                        + ", status=decommissioned");
        assertThat(catalog()).isEqualTo(catalog);
        rulesStillRefuse(http, history);
    }

    /** Another node on this database, started as an operator would start one. */
    private ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(CommandApplication.class).profiles("demo").run(
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
                "--server.port=0", "--infrashare.publication.enabled=false");
    }

    /**
     * @param shop     the consuming project
     * @param vpc      a VPC of the infrastructure project, shared with the shop and its staging's default
     * @param cluster  a cluster imported there, shared with the shop and a remote reference of its staging
     * @param revoked  a VPC once shared with the shop, then revoked
     */
    private record History(String shop, String vpc, String cluster, String revoked) {
    }

    /**
     * Through the commands of every kind the catalog follows: projects, a provisioned and imported resources, shares
     * given and revoked, a decommissioning, defaults and references set, a preview forked and torn down, a type made
     * defaultable.
     */
    private History history(Api http, String prefix) {
        String infra = prefix + "infra";
        String shop = prefix + "shop";
        succeeds(http.as("dev-ops").post("/projects", "{\"name\":\"Infra\",\"abbreviation\":\"" + infra
                + "\",\"ownerTeam\":\"ops\"}"));
        succeeds(http.as("dev-ecomm").post("/projects", "{\"name\":\"Shop\",\"abbreviation\":\"" + shop
                + "\",\"ownerTeam\":\"ecommerce\"}"));
        succeeds(http.as("dev-ops").post("/projects/" + infra + "/environments",
                "{\"name\":\"Staging\",\"abbreviation\":\"staging\"}"));
        succeeds(http.as("dev-ops").post("/projects/" + infra + "/packages",
                "{\"name\":\"vpc\",\"bundle\":\"aws-vpc\",\"resourceType\":\"aws-vpc\"}"));
        String vpc = succeeds(http.as("dev-ops").post("/environments/" + infra + "-staging/resources",
                "{\"package\":\"vpc\",\"name\":\"VPC\"}")).text("id");
        String cluster = imported(http, infra, "kubernetes-cluster", "EKS");
        String revoked = imported(http, infra, "aws-vpc", "spare VPC");
        String gone = imported(http, infra, "postgresql", "old db");
        succeeds(http.as("dev-ops").post("/resources/" + gone + "/decommission", null));
        for (String shared : List.of(vpc, cluster, revoked)) {
            succeeds(http.as("dev-ops").put("/resources/" + shared + "/shares/" + shop, null));
        }
        succeeds(http.as("dev-ops").delete("/resources/" + revoked + "/shares/" + shop));
        succeeds(http.as("dev-admin").put("/resource-types/spark-cluster", "{\"defaultable\":true}"));

        succeeds(http.as("dev-ecomm").post("/projects/" + shop + "/environments",
                "{\"name\":\"Staging\",\"abbreviation\":\"staging\"}"));
        succeeds(http.as("dev-ecomm").post("/projects/" + shop + "/packages",
                "{\"name\":\"k8s\",\"bundle\":\"aws-eks-cluster\",\"resourceType\":\"kubernetes-cluster\"}"));
        succeeds(http.as("dev-ecomm").put("/environments/" + shop + "-staging/defaults/aws-vpc",
                "{\"resource\":\"" + vpc + "\"}"));
        succeeds(http.as("dev-ecomm").put("/environments/" + shop + "-staging/remote-references/k8s",
                "{\"resource\":\"" + cluster + "\"}"));
        succeeds(http.as("dev-ecomm").post("/projects/" + shop + "/environments",
                "{\"name\":\"Preview\",\"abbreviation\":\"pr1\",\"forkOf\":\"" + shop + "-staging\"}"));
        succeeds(http.as("dev-ecomm").delete("/environments/" + shop + "-pr1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(DISTINCT aggregateIdentifier)"
                        + " FROM SnapshotEventEntry WHERE aggregateIdentifier IN (?, ?)")
                .params("acme/" + infra, "acme/" + shop).query(Long.class).single() == 2);
        return new History(shop, vpc, cluster, revoked);
    }

    /** Rules 2 and 5 on the rebuilt catalog: nothing consumed is taken away, nothing revoked is consumed. */
    private static void rulesStillRefuse(Api http, History history) {
        Answer revoke = http.as("dev-ops").delete("/resources/" + history.vpc() + "/shares/" + history.shop());
        assertThat(revoke.status()).isEqualTo(409);
        assertThat(revoke.text("type")).isEqualTo("/problems/share-in-use");
        assertThat(revoke.body().path("consumers").findValuesAsText("environment"))
                .containsExactly(history.shop() + "-staging");
        Answer decommission = http.as("dev-ops").post("/resources/" + history.cluster() + "/decommission", null);
        assertThat(decommission.text("type")).isEqualTo("/problems/resource-in-use");
        Answer unshared = http.as("dev-ecomm").put("/environments/" + history.shop() + "-staging/defaults/aws-vpc",
                "{\"resource\":\"" + history.revoked() + "\"}");
        assertThat(unshared.text("type")).isEqualTo("/problems/not-shared");
    }

    /** Every row of every table of the catalog. */
    private Set<String> catalog() {
        Set<String> rows = new TreeSet<>();
        TABLES.forEach(table -> jdbc.sql("SELECT * FROM " + table).query().listOfRows()
                .forEach(row -> rows.add(table + new TreeMap<>(row))));
        return rows;
    }

    private long storedEvents() {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry").query(Long.class).single();
    }

    private static String imported(Api http, String project, String type, String name) {
        return succeeds(http.as("dev-ops").post("/projects/" + project + "/resources",
                "{\"type\":\"" + type + "\",\"name\":\"" + name + "\"}")).text("id");
    }

    private static Answer succeeds(Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isBetween(200, 299);
        return answer;
    }
}

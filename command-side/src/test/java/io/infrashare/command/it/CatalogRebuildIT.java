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
import java.util.Set;
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
        SharedInfrastructure history = history(http, "e");
        Set<String> catalog = SharedInfrastructure.catalog(jdbc);
        SharedInfrastructure.emptyCatalog(jdbc);

        assertThat(http.as("dev-admin").post("/admin/catalog/rebuild", null).status())
                .as("an organization's admin does not rebuild what every organization shares").isEqualTo(403);
        Answer rebuilt = http.as("dev-operator").post("/admin/catalog/rebuild", null);

        assertThat(rebuilt.status()).as(rebuilt.body().toString()).isEqualTo(200);
        assertThat(rebuilt.body().path("events").asLong()).isEqualTo(storedEvents());
        assertThat(rebuilt.body().path("rows").asInt()).isEqualTo(catalog.size());
        assertThat(rebuilt.body().path("missing").asInt()).isEqualTo(catalog.size());
        assertThat(rebuilt.body().path("unexpected").asInt()).isZero();
        assertThat(SharedInfrastructure.catalog(jdbc)).isEqualTo(catalog);
        rulesStillRefuse(http, history);

        // an operator's script may send a key with every write: the rebuild is no command and takes none
        Answer again = http.as("dev-operator").withIdempotencyKey("rebuild-1").post("/admin/catalog/rebuild", null);
        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
        assertThat(again.body().path("missing").asInt() + again.body().path("unexpected").asInt())
                .as("a catalog that agrees with the history").isZero();
        assertThat(rebuild.check().agreed()).as("the comparison a starting node makes").isTrue();
        assertThat(SharedInfrastructure.catalog(jdbc)).isEqualTo(catalog);
    }

    @Test
    void aNodeStartingOnACatalogThatDisagreesWithTheHistoryLogsTheDifferencesAndRebuildsIt(CapturedOutput output) {
        Api http = Api.localhost(port);
        SharedInfrastructure history = history(http, "s");
        Set<String> catalog = SharedInfrastructure.catalog(jdbc);
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
        assertThat(SharedInfrastructure.catalog(jdbc)).isEqualTo(catalog);
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

    /** The shared infrastructure, its projects stored as snapshots. */
    private SharedInfrastructure history(Api http, String prefix) {
        SharedInfrastructure history = SharedInfrastructure.build(http, prefix);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(DISTINCT aggregateIdentifier)"
                        + " FROM SnapshotEventEntry WHERE aggregateIdentifier IN (?, ?)")
                .params("acme/" + prefix + "infra", "acme/" + history.shop()).query(Long.class).single() == 2);
        return history;
    }

    /** Rules 2 and 5 on the rebuilt catalog: nothing consumed is taken away, nothing revoked is consumed. */
    private static void rulesStillRefuse(Api http, SharedInfrastructure history) {
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

    private long storedEvents() {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry").query(Long.class).single();
    }
}

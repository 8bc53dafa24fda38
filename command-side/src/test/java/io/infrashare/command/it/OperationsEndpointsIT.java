package io.infrashare.command.it;

import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.testing.WithPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** What a platform team points its probes and its Prometheus at. */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "infrashare.publication.enabled=false"})
@WithPostgres
class OperationsEndpointsIT {

    @Value("${local.server.port}")
    int port;

    @Test
    void readinessNeedsTheDatabaseShowsThePublicationAndLivenessOnlyTheProcess() {
        Api http = Api.localhost(port);

        Answer readiness = http.get("/actuator/health/readiness");
        Answer liveness = http.get("/actuator/health/liveness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.text("status")).isEqualTo("UP");
        assertThat(liveness.status()).isEqualTo(200);
        Answer detailed = http.as("dev-operator").get("/actuator/health/readiness");
        assertThat(detailed.body().path("components").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("db", "readinessState", "publication");
    }

    @Test
    void prometheusCountsRefusalsByTypeForThePlatformsOperator() {
        Api http = Api.localhost(port);
        assertThat(http.as("dev-ecomm").put("/environments/nope-staging/defaults/aws-vpc",
                "{\"resource\":\"00000000-0000-0000-0000-000000000000\"}").status()).isEqualTo(404);
        assertThat(http.as("dev-ecomm").put("/resource-types/spark-cluster", "{\"defaultable\":true}").status())
                .isEqualTo(403);

        String scrape = http.as("dev-operator").get("/actuator/prometheus").requireSuccess().text();
        int anonymous = http.get("/actuator/prometheus").status();

        assertThat(scrape.lines().filter(line -> line.startsWith("infrashare_commands_refused_total{")))
                .anyMatch(line -> line.contains("type=\"not-found\""))
                .anyMatch(line -> line.contains("type=\"forbidden\""));
        assertThat(scrape).contains("http_server_requests_seconds_count");
        assertThat(anonymous).isEqualTo(401);
    }

    @Test
    void anOrganizationsCallersSeeUpOrDownAndNoMetrics() {
        Api http = Api.localhost(port);
        for (String token : new String[]{"dev-globex", "dev-ops", "dev-admin", "dev-auditor"}) {
            Answer health = http.as(token).get("/actuator/health");
            assertThat(health.text("status")).as(token).isEqualTo("UP");
            assertThat(health.body().has("components")).as(token + " sees no stack-wide figure").isFalse();
            for (String path : new String[]{"/actuator/metrics", "/actuator/metrics/http.server.requests",
                    "/actuator/prometheus"}) {
                Answer refused = http.as(token).get(path);
                assertThat(refused.status()).as(token + " " + path).isEqualTo(403);
                assertThat(refused.text("detail")).contains("platform's operator");
            }
        }
        assertThat(http.as("dev-operator").get("/actuator/health").body()
                .at("/components/db/details/database").asText()).isEqualTo("PostgreSQL");
    }

    @Test
    void anAuditorWritesNothingAndTheOperatorNothingOfAnOrganization() {
        Api http = Api.localhost(port);
        Answer auditor = http.as("dev-auditor").post("/projects",
                "{\"name\":\"Audit\",\"abbreviation\":\"audit\",\"ownerTeam\":\"ops\"}");
        Answer operator = http.as("dev-operator").post("/projects",
                "{\"name\":\"Ops\",\"abbreviation\":\"otto\",\"ownerTeam\":\"ops\"}");

        assertThat(auditor.status()).isEqualTo(403);
        assertThat(auditor.text("detail")).contains("auditor");
        assertThat(operator.status()).isEqualTo(403);
        assertThat(operator.text("detail")).contains("belongs to no organization");
    }
}

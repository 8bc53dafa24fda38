package io.infrashare.command.it;

import io.infrashare.testing.WithPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.RestClient;

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
        Http http = new Http(port);

        Http.Answer readiness = http.send(null, HttpMethod.GET, "/actuator/health/readiness", null);
        Http.Answer liveness = http.send(null, HttpMethod.GET, "/actuator/health/liveness", null);

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.text("status")).isEqualTo("UP");
        assertThat(liveness.status()).isEqualTo(200);
        Http.Answer detailed = http.send("dev-operator", HttpMethod.GET, "/actuator/health/readiness", null);
        assertThat(detailed.body().path("components").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("db", "readinessState", "publication");
    }

    @Test
    void prometheusCountsRefusalsByTypeForThePlatformsOperator() {
        Http http = new Http(port);
        assertThat(http.put("dev-ecomm", "/environments/nope-staging/defaults/aws-vpc",
                "{\"resource\":\"00000000-0000-0000-0000-000000000000\"}").status()).isEqualTo(404);
        assertThat(http.put("dev-ecomm", "/resource-types/spark-cluster", "{\"defaultable\":true}").status())
                .isEqualTo(403);

        RestClient client = RestClient.create("http://localhost:" + port);
        String scrape = client.get().uri("/actuator/prometheus").header("Authorization", "Bearer dev-operator")
                .retrieve().body(String.class);
        int anonymous = client.get().uri("/actuator/prometheus").exchange((request, response) ->
                response.getStatusCode().value());

        assertThat(scrape.lines().filter(line -> line.startsWith("infrashare_commands_refused_total{")))
                .anyMatch(line -> line.contains("type=\"not-found\""))
                .anyMatch(line -> line.contains("type=\"forbidden\""));
        assertThat(scrape).contains("http_server_requests_seconds_count");
        assertThat(anonymous).isEqualTo(401);
    }

    @Test
    void anOrganizationsCallersSeeUpOrDownAndNoMetrics() {
        Http http = new Http(port);
        for (String token : new String[]{"dev-globex", "dev-ops", "dev-admin", "dev-auditor"}) {
            Http.Answer health = http.send(token, HttpMethod.GET, "/actuator/health", null);
            assertThat(health.text("status")).as(token).isEqualTo("UP");
            assertThat(health.body().has("components")).as(token + " sees no stack-wide figure").isFalse();
            for (String path : new String[]{"/actuator/metrics", "/actuator/metrics/http.server.requests",
                    "/actuator/prometheus"}) {
                Http.Answer refused = http.send(token, HttpMethod.GET, path, null);
                assertThat(refused.status()).as(token + " " + path).isEqualTo(403);
                assertThat(refused.text("detail")).contains("platform's operator");
            }
        }
        assertThat(http.send("dev-operator", HttpMethod.GET, "/actuator/health", null).body()
                .at("/components/db/details/database").asText()).isEqualTo("PostgreSQL");
    }

    @Test
    void anAuditorWritesNothingAndTheOperatorNothingOfAnOrganization() {
        Http http = new Http(port);
        Http.Answer auditor = http.post("dev-auditor", "/projects",
                "{\"name\":\"Audit\",\"abbreviation\":\"audit\",\"ownerTeam\":\"ops\"}");
        Http.Answer operator = http.post("dev-operator", "/projects",
                "{\"name\":\"Ops\",\"abbreviation\":\"otto\",\"ownerTeam\":\"ops\"}");

        assertThat(auditor.status()).isEqualTo(403);
        assertThat(auditor.text("detail")).contains("auditor");
        assertThat(operator.status()).isEqualTo(403);
        assertThat(operator.text("detail")).contains("belongs to no organization");
    }
}

package io.infrashare.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The product's first promise end to end, on the stack {@code ./infrashare up} runs: a real Kafka broker and both
 * applications as processes of their own, talking only through the topic. Shared Infra provisions a VPC in
 * staging and shares it with ECommerce API, whose staging environment takes it as its network default; the
 * query side shows it.
 */
class WalkingSkeletonIT {

    @TempDir
    static Path data;

    private static DemoStack stack;
    private static Api commands;
    private static Api queries;

    @BeforeAll
    static void startTheStack() throws Exception {
        stack = DemoStack.start(data);
        commands = stack.commandSide().api();
        queries = stack.querySide().api();
    }

    @AfterAll
    static void stopTheStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aVpcSharedByTheOpsTeamBecomesTheConsumersNetworkDefaultOnTheQuerySide() throws Exception {
        assertThat(commands.as("dev-ops").post("/projects",
                "{\"name\":\"Shared Infra\",\"abbreviation\":\"si\",\"ownerTeam\":\"ops\"}").status()).isEqualTo(201);
        assertThat(commands.as("dev-ops").post("/projects/si/environments",
                "{\"name\":\"Staging\",\"abbreviation\":\"staging\"}").status()).isEqualTo(201);
        assertThat(commands.as("dev-ops").post("/projects/si/packages",
                "{\"name\":\"vpc\",\"bundle\":\"aws-vpc\",\"resourceType\":\"aws-vpc\"}").status()).isEqualTo(201);
        Answer vpc = commands.as("dev-ops").post("/environments/si-staging/resources",
                "{\"package\":\"vpc\",\"name\":\"US VPC\",\"attributes\":{\"region\":\"us-east-1\"}}");
        assertThat(vpc.status()).isEqualTo(201);
        String vpcId = vpc.body().path("id").asText();
        assertThat(commands.as("dev-ecomm").post("/projects",
                "{\"name\":\"ECommerce API\",\"abbreviation\":\"ecomm\",\"ownerTeam\":\"ecommerce\"}").status())
                .isEqualTo(201);
        assertThat(commands.as("dev-ecomm").post("/projects/ecomm/environments",
                "{\"name\":\"Staging\",\"abbreviation\":\"staging\"}").status()).isEqualTo(201);

        Answer tooEarly = commands.as("dev-ecomm").put("/environments/ecomm-staging/defaults/aws-vpc",
                "{\"resource\":\"" + vpcId + "\"}");
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.contentType()).startsWith("application/problem+json");
        assertThat(tooEarly.body().path("type").asText()).isEqualTo("/problems/not-shared");

        assertThat(commands.as("dev-ops").put("/resources/" + vpcId + "/shares/ecomm", null).status()).isEqualTo(200);
        assertThat(commands.as("dev-ecomm").put("/environments/ecomm-staging/defaults/aws-vpc",
                "{\"resource\":\"" + vpcId + "\"}").status()).isEqualTo(200);

        Answer consumption = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> queries.as("dev-ecomm").get("/environments/ecomm-staging/consumption"),
                        answer -> answer.status() == 200 && answer.body().path("defaults").size() == 1);
        JsonNode networkDefault = consumption.body().path("defaults").get(0);
        assertThat(consumption.body().path("environment").asText()).isEqualTo("ecomm-staging");
        assertThat(consumption.body().path("project").asText()).isEqualTo("ecomm");
        assertThat(networkDefault.path("type").asText()).isEqualTo("aws-vpc");
        assertThat(networkDefault.path("setBy").asText()).isEqualTo("eric");
        assertThat(networkDefault.path("resource").path("id").asText()).isEqualTo(vpcId);
        assertThat(networkDefault.path("resource").path("name").asText()).isEqualTo("US VPC");
        assertThat(networkDefault.path("resource").path("owner").path("project").asText()).isEqualTo("si");
        assertThat(networkDefault.path("resource").path("owner").path("environment").asText())
                .isEqualTo("si-staging");
        assertThat(consumption.projectionPosition()).as("acme's eight events, each applied once").isEqualTo("8");

        assertThat(queries.as("dev-globex").get("/environments/ecomm-staging/consumption").status())
                .as("another organization does not see acme's environments").isEqualTo(404);
    }
}

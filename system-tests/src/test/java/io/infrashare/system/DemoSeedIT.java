package io.infrashare.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo's seed ({@code demo/seed.sh}, which {@code ./infrashare demo} runs) loads the seed scenario into a running
 * stack as it is, and loading it again changes nothing: each step answers with its first answer.
 */
class DemoSeedIT {

    private static final Path ROOT = Path.of(System.getProperty("infrashare.root", "..")).toAbsolutePath()
            .normalize();

    @TempDir
    Path data;

    @Test
    void theSeedLoadsTheScenarioAndLoadingItAgainChangesNothing() throws Exception {
        try (DemoStack stack = DemoStack.start(data)) {
            String commandSide = stack.commandSide().api().base();

            seed(commandSide);
            Answer staging = await().atMost(Duration.ofSeconds(60)).until(() -> stack.querySide().api()
                    .as("dev-ecomm").get("/environments/ecomm-staging/consumption"),
                    answer -> answer.status() == 200 && answer.body().path("defaults").size() == 2);
            String position = stack.querySide().api().as("dev-ecomm").get("/projects").projectionPosition();

            seed(commandSide);
            assertThat(stack.querySide().api().as("dev-ecomm").get("/projects").projectionPosition())
                    .as("nothing recorded again").isEqualTo(position);
            assertThat(staging.body().path("defaults")).extracting(networkDefault -> networkDefault.path("type").asText())
                    .containsExactlyInAnyOrder("aws-vpc", "kubernetes-cluster");
            theSharedVpcReachesTheJobsOnTheProductionClusterAtDepthTwo(stack);
        }
    }

    /** The impact the demo is there to show: production runs a cluster in the shared VPC, and the jobs run on it. */
    private static void theSharedVpcReachesTheJobsOnTheProductionClusterAtDepthTwo(DemoStack stack) {
        Api ecomm = stack.querySide().api().as("dev-ecomm");
        JsonNode productionDefaults = ecomm.get("/environments/ecomm-production/consumption").body().path("defaults");
        String vpc = productionDefaults.get(0).path("resource").path("id").asText();
        JsonNode affected = await().atMost(Duration.ofSeconds(60))
                .until(() -> ecomm.get("/resources/" + vpc + "/impact").body().path("affected"),
                        list -> list.size() > 0 && list.get(list.size() - 1).path("depth").asInt() == 2);
        assertThat(affected).filteredOn(entry -> entry.path("depth").asInt() == 1)
                .extracting(entry -> entry.path("environment").asText())
                .contains("ecomm-staging", "ecomm-production", "ecomm-pr42", "peering-global");
        assertThat(affected).filteredOn(entry -> entry.path("depth").asInt() == 2).singleElement()
                .satisfies(entry -> {
                    assertThat(entry.path("environment").asText()).isEqualTo("jobs-production");
                    assertThat(entry.path("through").asText()).isNotEqualTo(vpc);
                });
    }

    /** Runs the seed against the command side; it must end well. */
    private static void seed(String commandSide) throws Exception {
        Process seed = new ProcessBuilder("bash", ROOT.resolve("demo/seed.sh").toString(), commandSide)
                .redirectErrorStream(true).start();
        String output = new String(seed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(seed.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(seed.exitValue()).as(output).isZero();
    }
}

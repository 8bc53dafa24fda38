package io.infrashare.system;

import io.infrashare.http.Answer;
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
        }
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

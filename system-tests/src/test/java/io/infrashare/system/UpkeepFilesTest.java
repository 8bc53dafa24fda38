package io.infrashare.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The files that keep the project checked and up to date on a hosted forge: they run what CI here runs. */
class UpkeepFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("infrashare.root", ".."));

    private static JsonNode yaml(String file) throws IOException {
        return new ObjectMapper().valueToTree(new Yaml().load(Files.readString(ROOT.resolve(file))));
    }

    @Test
    void theWorkflowRunsTheCiScriptOnPushesAndPullRequestsWithTheMavenCache() throws IOException {
        JsonNode workflow = yaml(".github/workflows/ci.yml");
        List<String> commands = new ArrayList<>();
        List<String> caches = new ArrayList<>();
        workflow.path("jobs").forEach(job -> job.path("steps").forEach(step -> {
            commands.add(step.path("run").asText());
            caches.add(step.path("with").path("cache").asText());
        }));

        // SnakeYAML reads the bare key "on" as the boolean true, as YAML 1.1 says
        JsonNode triggers = workflow.has("on") ? workflow.path("on") : workflow.path("true");
        assertThat(triggers.has("push")).isTrue();
        assertThat(triggers.has("pull_request")).isTrue();
        assertThat(commands).contains("bash .ci/run");
        assertThat(caches).contains("maven");
    }

    @Test
    void dependabotWatchesTheMavenBuildAndTheWorkflowActions() throws IOException {
        List<String> ecosystems = new ArrayList<>();
        yaml(".github/dependabot.yml").path("updates")
                .forEach(update -> ecosystems.add(update.path("package-ecosystem").asText()));

        assertThat(ecosystems).containsExactlyInAnyOrder("maven", "github-actions");
    }

    @Test
    void theCiScriptRunsTheReadmesTestCommandAfterRemovingStaleReports() throws IOException {
        String script = Files.readString(ROOT.resolve(".ci/run"));
        String readme = Files.readString(ROOT.resolve("README.md"));

        assertThat(script.indexOf("rm -rf ./*/target/surefire-reports ./*/target/failsafe-reports"))
                .isNotNegative().isLessThan(script.indexOf("./mvnw verify"));
        assertThat(readme).contains("./mvnw verify");
    }
}

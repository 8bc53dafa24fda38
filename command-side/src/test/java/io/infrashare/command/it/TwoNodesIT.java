package io.infrashare.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.command.CommandApplication;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.testing.Database;
import io.infrashare.testing.TestInfrastructure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two command-side nodes sharing one PostgreSQL, clients of both changing the same project at the same moments:
 * the nodes decide on cached copies that the other node makes stale, collide on the event store's key, and run the
 * command again on the fresh history. Nothing a client was told is missing and the project's history never forks.
 */
class TwoNodesIT {

    private static final int CLIENTS_PER_NODE = 3;
    private static final int PREVIEWS = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Database database;
    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static List<String> vpcs;

    @BeforeAll
    static void startTwoNodes() {
        database = TestInfrastructure.newDatabase();
        nodeA = node();
        nodeB = node();
        vpcs = sharedVpcs(http(nodeA));
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[]{nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
    }

    /** A node with the demo principals; publication is not the point here. */
    private static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(CommandApplication.class).profiles("demo").run(
                database.springArguments("--server.port=0", "--infrashare.publication.enabled=false"));
    }

    private static Api http(ConfigurableApplicationContext node) {
        return Api.localhost(Integer.parseInt(node.getEnvironment().getProperty("local.server.port")));
    }

    /** Shared Infra provisions three VPCs in staging and shares them with App, which has a staging environment. */
    private static List<String> sharedVpcs(Api http) {
        succeeds(http.as("dev-ops").post("/projects", "{\"name\":\"Shared Infra\",\"abbreviation\":\"si\",\"ownerTeam\":\"ops\"}"));
        succeeds(http.as("dev-ops").post("/projects/si/environments", "{\"name\":\"Staging\",\"abbreviation\":\"staging\"}"));
        succeeds(http.as("dev-ecomm").post("/projects", "{\"name\":\"App\",\"abbreviation\":\"app\",\"ownerTeam\":\"ecommerce\"}"));
        succeeds(http.as("dev-ecomm").post("/projects/app/environments", "{\"name\":\"Staging\",\"abbreviation\":\"staging\"}"));
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            succeeds(http.as("dev-ops").post("/projects/si/packages",
                    "{\"name\":\"vpc" + i + "\",\"bundle\":\"aws-vpc\",\"resourceType\":\"aws-vpc\"}"));
            String id = succeeds(http.as("dev-ops").post("/environments/si-staging/resources",
                    "{\"package\":\"vpc" + i + "\",\"name\":\"VPC " + i + "\"}")).text("id");
            succeeds(http.as("dev-ops").put("/resources/" + id + "/shares/app", null));
            ids.add(id);
        }
        return ids;
    }

    private static Answer succeeds(Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isBetween(200, 299);
        return answer;
    }

    @Test
    void clientsOfBothNodesChangingOneProjectLoseNothingAndTheHistoryStaysOneLine() throws Exception {
        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(2 * CLIENTS_PER_NODE);
        List<Future<?>> running = new ArrayList<>();
        for (int client = 0; client < 2 * CLIENTS_PER_NODE; client++) {
            Api http = http(client % 2 == 0 ? nodeA : nodeB);
            int number = client;
            running.add(clients.submit(() -> previews(http, number, answers)));
        }
        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();

        Map<Integer, Long> statuses = answers.stream()
                .collect(Collectors.groupingBy(Answer::status, Collectors.counting()));
        long lostRaces = answers.stream().filter(answer -> answer.status() == 409).count();
        double retried = retried(nodeA) + retried(nodeB);
        System.out.printf("two nodes: %d commands, answers %s, %.0f runs again after a lost race%n", answers.size(),
                statuses, retried);
        assertThat(retried).as("the nodes did collide").isPositive();
        assertThat(statuses.keySet()).as("only successes, and 409s for races lost even after the retries")
                .isSubsetOf(200, 201, 409);
        answers.stream().filter(answer -> answer.status() == 409).forEach(answer ->
                assertThat(answer.text("type")).isEqualTo("/problems/concurrent-modification"));
        assertThat(lostRaces).as("conflicts are settled by retries, not by the client").isLessThan(answers.size() / 10);

        JdbcTemplate store = new JdbcTemplate(database.dataSource());
        List<Long> sequence = store.queryForList(
                "select sequenceNumber from DomainEventEntry where aggregateIdentifier = 'acme/app' order by 1",
                Long.class);
        assertThat(sequence).as("one line of history: 0, 1, 2, ... without a gap or a fork")
                .containsExactlyElementsOf(LongStream.range(0, sequence.size()).boxed().toList());
        Set<String> recorded = store.queryForList("select payload from DomainEventEntry", byte[].class).stream()
                .map(TwoNodesIT::correlationId).collect(Collectors.toSet());
        assertThat(answers.stream().filter(answer -> answer.status() < 300).map(Answer::correlationId))
                .as("every command a client was told succeeded is in the history")
                .allMatch(recorded::contains);
    }

    private static double retried(ConfigurableApplicationContext node) {
        return node.getBean(MeterRegistry.class).find("infrashare.commands.retried").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    /** A team's pipeline: a preview per pull request, pointed at a VPC, then torn down. */
    private static void previews(Api http, int client, ConcurrentLinkedQueue<Answer> answers) {
        for (int preview = 0; preview < PREVIEWS; preview++) {
            String abbreviation = "pr" + client + "x" + preview;
            String environment = "app-" + abbreviation;
            Answer created = http.as("dev-ecomm").post("/projects/app/environments",
                    "{\"name\":\"Preview\",\"abbreviation\":\"" + abbreviation + "\",\"forkOf\":\"app-staging\"}");
            answers.add(created);
            if (created.status() != 201) {
                continue; // a creation that kept losing races: its preview's later steps would be 404s
            }
            answers.add(http.as("dev-ecomm").put("/environments/" + environment + "/defaults/aws-vpc",
                    "{\"resource\":\"" + vpcs.get((client + preview) % vpcs.size()) + "\"}"));
            answers.add(http.as("dev-ecomm").delete("/environments/" + environment));
        }
    }

    private static String correlationId(byte[] payload) {
        try {
            JsonNode event = JSON.readTree(payload);
            return event.path("provenance").path("correlationId").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

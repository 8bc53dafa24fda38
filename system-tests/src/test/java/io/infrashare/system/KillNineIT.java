package io.infrashare.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The default stack's promise, on its real processes: a write the command side acknowledged with a 2xx survives a
 * {@code kill -9} of every process of {@code ./infrashare up} at once (PostgreSQL's included) right after it was
 * acknowledged. A burst of 200 writes, each with an Idempotency-Key; the kill right after the last answer; the stack
 * started again on the same data; then each acknowledged write, repeated, is answered from what the command side
 * stored (not run again), and the query side comes to show every one of them.
 */
class KillNineIT {

    private static final Path ROOT = Path.of(System.getProperty("infrashare.root", "..")).toAbsolutePath().normalize();
    private static final String OPS = "dev-ops";
    private static final int CLIENTS = 4;

    private final List<ScriptedStack> stacks = new ArrayList<>();

    /** One write of the burst and how the command side answered it. */
    record Write(String method, String path, String body, String key) {
    }

    record Acknowledged(Write write, int status, JsonNode body) {
    }

    @AfterEach
    void stopTheStack() throws Exception {
        ServiceProcess.stopAll(stacks.toArray(AutoCloseable[]::new));
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKillNineOfTheWholeStack() throws Exception {
        Path data = ROOT.resolve("system-tests/target/kill-nine");
        deleteTree(data);
        ScriptedStack.Ports ports = ScriptedStack.Ports.free();
        ScriptedStack first = start(data, ports, "first-up");
        Api commands = first.commands();
        String run = UUID.randomUUID().toString().substring(0, 8);

        List<Acknowledged> acknowledged = new ArrayList<>();
        acknowledged.addAll(burst(commands, List.of(
                project("kn", "Kill Nine"), project("kr", "Kill Nine Receiver")), run));
        List<String> environments = IntStream.rangeClosed(1, 40).mapToObj(i -> "e" + i).toList();
        acknowledged.addAll(burst(commands, environments.stream().map(environment -> new Write("POST",
                "/projects/kn/environments", "{\"name\":\"Environment " + environment + "\",\"abbreviation\":\""
                + environment + "\"}", null)).toList(), run));
        List<String> packages = List.of("vpc", "eks", "db");
        acknowledged.addAll(burst(commands, List.of(
                pkg("vpc", "aws-vpc", "aws-vpc"), pkg("eks", "aws-eks-cluster", "kubernetes-cluster"),
                pkg("db", "aws-rds-postgres", "postgresql")), run));
        List<Write> provisions = new ArrayList<>();
        for (String environment : environments.subList(0, 35)) {
            for (String pkg : packages) {
                provisions.add(new Write("POST", "/environments/kn-" + environment + "/resources",
                        "{\"package\":\"" + pkg + "\",\"name\":\"" + pkg + " of " + environment + "\"}", null));
            }
        }
        List<Acknowledged> resources = burst(commands, provisions, run);
        acknowledged.addAll(resources);
        List<String> resourceIds = resources.stream().map(each -> each.body().path("id").asText()).toList();
        List<String> shared = resourceIds.subList(0, 50);
        acknowledged.addAll(burst(commands, shared.stream()
                .map(id -> new Write("PUT", "/resources/" + id + "/shares/kr", null, null)).toList(), run));
        List<String> killed = first.killEverything();

        assertThat(acknowledged).hasSize(200);
        assertThat(killed).as("the programs killed, PostgreSQL among them")
                .anyMatch(program -> program.endsWith("/postgres"));
        ScriptedStack second = start(data, ports, "second-up");
        commands = second.commands();

        List<String> forgotten = new ArrayList<>();
        for (Acknowledged write : acknowledged) {
            Answer repeat = commands.as(OPS).withIdempotencyKey(write.write().key())
                    .send(write.write().method(), write.write().path(), write.write().body());
            if (!repeat.replayed() || repeat.status() != write.status()) {
                forgotten.add(write.write().method() + " " + write.write().path() + ": " + write.status()
                        + " before the kill, run again after it with " + repeat.status());
            }
        }
        assertThat(forgotten).as("acknowledged writes that the command side's store no longer had").isEmpty();
        Api queries = second.queries();
        await("the query side showing every acknowledged write").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    JsonNode project = queries.as(OPS).get("/projects/kn").body();
                    assertThat(ids(project.path("environments"), node -> node.path("id").asText()))
                            .containsExactlyInAnyOrderElementsOf(environments.stream().map(e -> "kn-" + e).toList());
                    assertThat(ids(project.path("packages"), node -> node.path("name").asText()))
                            .containsExactlyInAnyOrderElementsOf(packages);
                    assertThat(ids(project.path("resources"), node -> node.path("id").asText()))
                            .containsExactlyInAnyOrderElementsOf(resourceIds);
                    assertThat(ids(project.path("sharesGiven"), node -> node.path("resource").path("id").asText()
                            + " with " + node.path("project").asText()))
                            .containsExactlyInAnyOrderElementsOf(shared.stream().map(id -> id + " with kr").toList());
                    assertThat(queries.as(OPS).get("/projects/kr").status()).isEqualTo(200);
                });
    }

    private ScriptedStack start(Path data, ScriptedStack.Ports ports, String name) throws Exception {
        ScriptedStack stack = ScriptedStack.up(ROOT, data, ports, name);
        stacks.add(stack);
        return stack;
    }

    private static Write project(String abbreviation, String name) {
        return new Write("POST", "/projects", "{\"name\":\"" + name + "\",\"abbreviation\":\"" + abbreviation
                + "\",\"ownerTeam\":\"ops\"}", null);
    }

    private static Write pkg(String name, String bundle, String type) {
        return new Write("POST", "/projects/kn/packages", "{\"name\":\"" + name + "\",\"bundle\":\"" + bundle
                + "\",\"resourceType\":\"" + type + "\"}", null);
    }

    /**
     * Sends the writes from {@value #CLIENTS} clients at once, each with a key of its own, and returns them as
     * acknowledged; any answer but a 2xx fails the test, as the burst must be all acknowledged writes.
     */
    private static List<Acknowledged> burst(Api commands, List<Write> writes, String run) throws Exception {
        Collection<Acknowledged> answered = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (Write write : writes) {
                Write keyed = new Write(write.method(), write.path(), write.body(),
                        "kill-nine-" + run + "-" + UUID.randomUUID());
                sent.add(clients.submit(() -> {
                    Answer answer = commands.as(OPS).withIdempotencyKey(keyed.key())
                            .send(keyed.method(), keyed.path(), keyed.body());
                    assertThat(answer.status()).as("%s %s: %s", keyed.method(), keyed.path(), answer.body())
                            .isBetween(200, 299);
                    answered.add(new Acknowledged(keyed, answer.status(), answer.body()));
                    return null;
                }));
            }
            for (Future<?> each : sent) {
                each.get();
            }
        } finally {
            clients.shutdownNow();
        }
        return new ArrayList<>(answered);
    }

    private static List<String> ids(JsonNode array, Function<JsonNode, String> id) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(id.apply(node)));
        return ids;
    }

    private static void deleteTree(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}

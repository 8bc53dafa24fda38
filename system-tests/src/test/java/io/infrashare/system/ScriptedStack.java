package io.infrashare.system;

import io.infrashare.http.Api;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * The default stack exactly as a user starts it: {@code ./infrashare up}, with its own PostgreSQL, Kafka and both
 * applications as processes of the script, on free ports and a data folder of the test's. Every answer its
 * {@link #commands()} and {@link #queries()} receive is checked against the OpenAPI document the side serves, and
 * {@link #close() stopping it} fails with what did not match.
 */
final class ScriptedStack implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofMinutes(3);

    private final Process script;
    private final Ports ports;
    private ServedContract commandSide;
    private ServedContract querySide;

    private ScriptedStack(Process script, Ports ports) {
        this.script = script;
        this.ports = ports;
    }

    /** The ports of one stack, free when chosen; the same for each start on one data folder. */
    record Ports(int postgres, int kafka, int kafkaController, int command, int query) {

        static Ports free() throws IOException {
            List<ServerSocket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    sockets.add(new ServerSocket(0));
                }
                return new Ports(sockets.get(0).getLocalPort(), sockets.get(1).getLocalPort(),
                        sockets.get(2).getLocalPort(), sockets.get(3).getLocalPort(), sockets.get(4).getLocalPort());
            } finally {
                for (ServerSocket socket : sockets) {
                    socket.close();
                }
            }
        }
    }

    /** Runs {@code ./infrashare up} on the jars already built and returns once it says the stack is running. */
    static ScriptedStack up(Path root, Path data, Ports ports, String name) throws IOException {
        Files.createDirectories(data);
        Path output = data.resolve(name + ".out");
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("infrashare").toString(), "up")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Map<String, String> environment = builder.environment();
        // the local PostgreSQL, not one the machine's environment may name
        environment.keySet().removeAll(List.of("DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD",
                "SPRING_PROFILES_ACTIVE"));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("INFRASHARE_SKIP_BUILD", "yes");
        environment.put("INFRASHARE_DATA_DIR", data.toString());
        environment.put("POSTGRES_PORT", Integer.toString(ports.postgres()));
        environment.put("KAFKA_PORT", Integer.toString(ports.kafka()));
        environment.put("KAFKA_CONTROLLER_PORT", Integer.toString(ports.kafkaController()));
        environment.put("COMMAND_PORT", Integer.toString(ports.command()));
        environment.put("QUERY_PORT", Integer.toString(ports.query()));
        environment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        ScriptedStack stack = new ScriptedStack(builder.start(), ports);
        await("./infrashare up running (see " + output + ")").atMost(START_LIMIT)
                .pollInterval(Duration.ofMillis(200))
                .failFast("./infrashare up stopped; see " + output, () -> !stack.script.isAlive())
                .until(() -> Files.readString(output).contains("infrashare is running"));
        stack.commandSide = ServedContract.servedBy("command-side", Api.localhost(ports.command()));
        stack.querySide = ServedContract.servedBy("query-side", Api.localhost(ports.query()));
        return stack;
    }

    /** The command side at the loopback, each of its answers checked against the document it serves. */
    Api commands() {
        return commandSide.checking(Api.localhost(ports.command()));
    }

    /** The query side at the loopback, each of its answers checked against the document it serves. */
    Api queries() {
        return querySide.checking(Api.localhost(ports.query()));
    }

    /** The script and every process it started, down to PostgreSQL's backends. */
    List<ProcessHandle> processes() {
        try (Stream<ProcessHandle> descendants = script.toHandle().descendants()) {
            List<ProcessHandle> all = new ArrayList<>(descendants.toList());
            all.add(script.toHandle());
            return all;
        }
    }

    /**
     * SIGKILL to every process of the stack at once, as an operator's {@code kill -9} would (the machine's page cache
     * stays); returns once all are gone, with the program each of them ran.
     */
    List<String> killEverything() {
        List<ProcessHandle> processes = processes();
        List<String> programs = processes.stream().map(process -> process.info().command().orElse("?")).toList();
        processes.forEach(ProcessHandle::destroyForcibly);
        await("every process of the stack gone").atMost(Duration.ofSeconds(30))
                .until(() -> processes.stream().noneMatch(ProcessHandle::isAlive));
        return programs;
    }

    /**
     * As Ctrl-C: the script stops the apps, then Kafka and PostgreSQL; whatever remains after that is killed. Then
     * fails if an answer of either side did not match the document it serves.
     */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> processes = processes();
        script.destroy();
        if (!script.waitFor(2, TimeUnit.MINUTES)) {
            script.destroyForcibly();
        }
        processes.forEach(ProcessHandle::destroyForcibly);
        if (commandSide != null) {
            try {
                commandSide.assertKept();
            } finally {
                querySide.assertKept(); // the query side's violations are told even when the command side's are
            }
        }
    }
}

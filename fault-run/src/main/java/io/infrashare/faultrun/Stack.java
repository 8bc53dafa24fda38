package io.infrashare.faultrun;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The stack on real processes: a broker, PostgreSQL, two command-side nodes and a query side. */
final class Stack implements AutoCloseable {

    static final Duration START_LIMIT = Duration.ofMinutes(3);

    final Broker kafka;
    final Postgres postgres;
    final JavaService commandA;
    final JavaService commandB;
    final JavaService query;

    private Stack(Broker kafka, Postgres postgres, JavaService commandA, JavaService commandB, JavaService query) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.commandA = commandA;
        this.commandB = commandB;
        this.query = query;
    }

    static Stack on(Settings settings) throws IOException {
        Path dir = settings.directory();
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Broker kafka = new Broker(settings.jar("local-kafka"), dir.resolve("kafka"), Local.freePort(), Local.freePort(),
                logs.resolve("kafka.log"));
        Postgres postgres = new Postgres(dir.resolve("postgresql"), Local.freePort(), logs.resolve("postgresql.log"));
        JavaService commandA = commandSide("command-a", settings, kafka, postgres);
        JavaService commandB = commandSide("command-b", settings, kafka, postgres);
        int queryPort = Local.freePort();
        JavaService query = new JavaService("query-side", settings.jar("query-side"), queryPort,
                environment(settings, "query-side", queryPort, kafka, postgres, "query"),
                logs.resolve("query-side.log"));
        return new Stack(kafka, postgres, commandA, commandB, query);
    }

    private static JavaService commandSide(String name, Settings settings, Broker kafka, Postgres postgres)
            throws IOException {
        int port = Local.freePort();
        return new JavaService(name, settings.jar("command-side"), port,
                environment(settings, name, port, kafka, postgres, "command"),
                settings.directory().resolve("logs").resolve(name + ".log"));
    }

    private static Map<String, String> environment(Settings settings, String name, int port, Broker kafka,
                                                   Postgres postgres, String database) {
        return JavaService.onPostgres(port, settings.directory().resolve(name), kafka, postgres, database);
    }

    List<Member> members() {
        return List.of(kafka, postgres, commandA, commandB, query);
    }

    List<JavaService> commandNodes() {
        return List.of(commandA, commandB);
    }

    /** Starts everything in dependency order, each once the previous one serves. */
    void start() throws IOException, InterruptedException {
        postgres.prepare();
        for (Member member : members()) {
            member.start();
            member.awaitReady(START_LIMIT);
        }
    }

    /** Starts whatever is down, as an operator would after the incident. */
    void heal() throws IOException, InterruptedException {
        for (Member member : members()) {
            if (!member.alive()) {
                member.start();
            }
            member.awaitReady(START_LIMIT);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Member member : List.of(query, commandB, commandA, kafka, postgres)) {
            member.stop();
        }
    }
}

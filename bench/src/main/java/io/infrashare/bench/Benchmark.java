package io.infrashare.bench;

import io.infrashare.faultrun.Broker;
import io.infrashare.faultrun.JavaService;
import io.infrashare.transparency.NoteSigner;
import io.infrashare.faultrun.Jars;
import io.infrashare.faultrun.Local;
import io.infrashare.faultrun.Member;
import io.infrashare.faultrun.Postgres;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Measures infrashare against this machine's own limits, in one run so that the figures compare on a noisy shared
 * machine: PostgreSQL's single-row transactions and Kafka's produce rate, then commands/s and latency at 1, 4 and 16
 * HTTP clients with the end-to-end latency meanwhile, the apps' peak memory, and a query side replaying a long topic.
 * Everything runs on real processes: PostgreSQL (fsync on), a KRaft broker, the apps' runnable jars on the
 * {@code postgres} profile.
 */
public final class Benchmark {

    private static final Duration START_LIMIT = Duration.ofMinutes(3);

    private final Options options;
    private final Path logs;
    private final List<Member> started = new ArrayList<>();

    private Benchmark(Options options) throws IOException {
        this.options = options;
        this.logs = Files.createDirectories(options.directory().resolve("logs"));
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Local.empty(options.directory());
        Benchmark benchmark = new Benchmark(options);
        Runtime.getRuntime().addShutdownHook(new Thread(benchmark::stopAll));
        String table = benchmark.run();
        System.out.println();
        System.out.println(table);
        Files.writeString(options.directory().resolve("results.txt"), table);
        System.out.println("(also in " + options.directory().resolve("results.txt") + ")");
    }

    private String run() throws Exception {
        Instant began = Instant.now();
        Postgres postgres = new Postgres(options.directory().resolve("postgresql"), Local.freePort(), logs.resolve("postgresql.log"));
        postgres.prepare();
        begin(postgres);
        try (Connection connection = postgres.connect("command"); Statement statement = connection.createStatement()) {
            statement.execute("create database bench");
            statement.execute("create database replay");
        }
        Broker kafka = new Broker(Jars.runnable(options.root(), "local-kafka"), options.directory().resolve("kafka"),
                Local.freePort(), Local.freePort(), logs.resolve("kafka.log"));
        begin(kafka);
        if (options.historyOnly()) {
            return header(began) + history(kafka, postgres);
        }

        say("limits: PostgreSQL single-row INSERT transactions at " + options.clients() + " connections");
        Map<Integer, Double> postgresLimit = new LinkedHashMap<>();
        for (int connections : options.clients()) {
            postgresLimit.put(connections, Limits.postgresInsertsPerSecond(postgres, connections, Duration.ofSeconds(1),
                    options.limitTime()));
        }
        say("limits: Kafka produce, acks=all");
        double kafkaLimit = Limits.kafkaRecordsPerSecond(kafka.bootstrapServers(), Duration.ofSeconds(1),
                options.limitTime());
        say("limits: sealing records for the organizations' logs, one thread");
        double sealLimit = Limits.sealsPerSecond(Duration.ofSeconds(1), options.limitTime());

        JavaService commandSide = app("command-side", "command", kafka, postgres, Map.of());
        JavaService querySide = app("query-side", "query", kafka, postgres, Map.of());
        begin(commandSide);
        begin(querySide);
        Topic topic = new Topic(kafka.bootstrapServers(), io.infrashare.events.Topic.NAME);
        CommandLoad load = new CommandLoad(commandSide.api(), querySide.api(), topic);
        int most = options.clients().stream().max(Integer::compare).orElseThrow();
        say("commands: preparing the projects of " + most + " clients");
        load.prepare(most);
        List<CommandLoad.Result> results = new ArrayList<>();
        for (int clients : options.clients()) {
            say("commands: " + clients + " client(s), " + options.warmup().toSeconds() + " s warm-up, "
                    + options.measure().toSeconds() + " s measured");
            results.add(load.run(clients, options.warmup(), options.measure()));
        }
        topic.close();
        long commandRss = Memory.peakRssMib(commandSide);
        long queryRss = Memory.peakRssMib(querySide);

        say("replay: publishing " + options.replayEvents() + " events");
        double published = Replay.publish(kafka.bootstrapServers(), options.replayEvents(), 100, signingKey());
        JavaService replaying = app("query-replay", "replay", kafka, postgres, Map.of(
                "INFRASHARE_TOPIC", Replay.TOPIC, "INFRASHARE_QUERY_GROUP", "bench-replay"));
        started.add(replaying);
        say("replay: a new query side reads them (for at most " + options.replayLimit().toSeconds() + " s)");
        Replay.Progress replay = Replay.measure(replaying, postgres, options.replayEvents(), options.replayLimit());
        replaying.stop();
        started.remove(replaying);

        String history = options.historyEvents() > 0 ? history(kafka, postgres) : "";
        return table(began, postgresLimit, kafkaLimit, sealLimit, results, commandRss, queryRss, published, replay)
                + history;
    }

    /**
     * Cold loads of projects with a long history: each the first command on it after the command side started,
     * with snapshots off (the whole history read), then on (a snapshot and the events after it), and a second
     * command on it in memory. The command side runs alone on a database of its own, publication off: the history is
     * written to the store directly (see {@link History}) and publishing it is not what is measured.
     */
    private String history(Broker kafka, Postgres postgres) throws Exception {
        try (Connection connection = postgres.connect("command"); Statement statement = connection.createStatement()) {
            statement.execute("create database " + History.DATABASE);
        }
        History history = new History(postgres, options.historyProjects());
        say("history: " + history.projects().size() + " projects of " + options.historyEvents() + " events each");
        JavaService creating = historyApp(kafka, postgres, "create", 0);
        begin(creating);
        history.create(creating.api());
        end(creating);
        history.seed(options.historyEvents());

        List<History.Load> before = historyLoads(kafka, postgres, history, "before", 0);
        say("history: a first load with snapshots on takes each project's snapshot");
        List<History.Load> snapshotting = historyLoads(kafka, postgres, history, "snapshot",
                options.snapshotThreshold());
        long snapshots = history.snapshots();
        if (snapshots < history.projects().size()) {
            throw new IllegalStateException("only " + snapshots + " snapshots were taken");
        }
        List<History.Load> after = historyLoads(kafka, postgres, history, "after", options.snapshotThreshold());

        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.println();
        out.printf("project load, %,d events of history per project, each project's first command after a start:%n",
                options.historyEvents());
        out.println("| project | snapshots off: first command ms | then a second ms | snapshots on (threshold "
                + options.snapshotThreshold() + "): first command ms | then a second ms |"
                + " the command that took the snapshot ms |");
        out.println("|---|---|---|---|---|---|");
        for (int i = 0; i < history.projects().size(); i++) {
            out.printf("| %s | %.1f | %.1f | %.1f | %.1f | %.1f |%n", history.projects().get(i),
                    before.get(i).firstMillis(), before.get(i).secondMillis(), after.get(i).firstMillis(),
                    after.get(i).secondMillis(), snapshotting.get(i).firstMillis());
        }
        out.flush();
        return text.toString();
    }

    private List<History.Load> historyLoads(Broker kafka, Postgres postgres, History history, String round,
                                            int snapshotThreshold) throws Exception {
        JavaService commandSide = historyApp(kafka, postgres, round, snapshotThreshold);
        begin(commandSide);
        try {
            History.warmUp(commandSide.api(), round);
            List<History.Load> loads = new ArrayList<>();
            for (String project : history.projects()) {
                loads.add(History.load(commandSide.api(), project, round));
            }
            say("history: " + round + ": " + loads);
            return loads;
        } finally {
            end(commandSide);
        }
    }

    private JavaService historyApp(Broker kafka, Postgres postgres, String round, int snapshotThreshold)
            throws IOException {
        return app("command-history-" + round, History.DATABASE, kafka, postgres, Map.of(
                "INFRASHARE_PUBLICATION_ENABLED", "false",
                "INFRASHARE_SNAPSHOT_THRESHOLD", Integer.toString(snapshotThreshold)));
    }

    private void end(Member member) throws InterruptedException {
        member.stop();
        started.remove(member);
    }

    private String table(Instant began, Map<Integer, Double> postgresLimit, double kafkaLimit, double sealLimit,
                         List<CommandLoad.Result> results, long commandRss, long queryRss, double published,
                         Replay.Progress replay) {
        StringWriter text = new StringWriter();
        PrintWriter out = new PrintWriter(text);
        out.print(header(began));
        out.println();
        out.println("limits of this machine, same run:");
        postgresLimit.forEach((connections, rate) -> out.printf(
                "  PostgreSQL single-row INSERT transactions/s, %2d connection(s): %,10.0f%n", connections, rate));
        out.printf("  Kafka records/s produced with acks=all (one idempotent producer): %,10.0f%n", kafkaLimit);
        out.printf("  records/s sealed by one thread (seal: entry, leaf hash, tree, signed checkpoint): %,10.0f"
                + " (%.0f µs each)%n", sealLimit, 1e6 / sealLimit);
        out.println();
        out.println("commands (mix: create preview environment, set default, add remote reference, share, revoke,"
                + " teardown):");
        out.println("| clients | commands/s | p50 ms | p99 ms | PostgreSQL tx/s | ratio | end-to-end p50 ms"
                + " | end-to-end p99 ms | of which to the topic p50 / p99 ms | not yet published / applied at the end"
                + " | refused |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (CommandLoad.Result result : results) {
            double floor = postgresLimit.get(result.clients());
            out.printf("| %d | %,.0f | %s | %s | %,.0f | %.2f | %s | %s | %s / %s | %s / %s | %d |%n",
                    result.clients(), result.commandsPerSecond(), millis(result.latency(), 50),
                    millis(result.latency(), 99), floor, result.commandsPerSecond() / floor,
                    millis(result.endToEnd(), 50), millis(result.endToEnd(), 99), millis(result.toTopic(), 50),
                    millis(result.toTopic(), 99), result.publicationLag(), result.projectionLag(), result.refused());
        }
        out.println();
        out.printf("replay: %,d events published in %.1f s; a new query side applied %,d in %.1f s = %,.0f events/s"
                        + "%s%n", options.replayEvents(), published, replay.applied(), replay.seconds(),
                replay.eventsPerSecond(), replay.applied() < options.replayEvents()
                        ? String.format(" (stopped after %d s; all %,d would take about %.0f s)",
                        options.replayLimit().toSeconds(), options.replayEvents(),
                        options.replayEvents() / Math.max(replay.eventsPerSecond(), 1))
                        : "");
        out.printf("memory: peak RSS command side %d MiB, query side %d MiB (under the command load), replaying"
                + " query side %d MiB%n", commandRss, queryRss, replay.peakRssMib());
        out.println();
        out.println("targets: commands/s at 16 clients >= 0.5 x PostgreSQL tx/s at 16; command p99 < 50 ms;"
                + " end-to-end p50 < 50 ms, p99 < 500 ms; replay >= 25,000 events/s; each app < 512 MiB RSS");
        out.flush();
        return text.toString();
    }

    private static String header(Instant began) {
        return String.format("infrashare benchmark, %s, %d cores, %s %s, Java %s%n",
                began.truncatedTo(ChronoUnit.SECONDS), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("java.version"));
    }

    private static String millis(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? "-"
                : String.format("%.1f", histogram.getValueAtPercentile(percentile) / 1000.0);
    }

    /** The key the run's command side signs with, which its query sides trust. */
    private NoteSigner signingKey() throws IOException {
        return NoteSigner.parse(Files.readString(options.directory().resolve("keys").resolve("signing.key")).strip());
    }

    private JavaService app(String name, String database, Broker kafka, Postgres postgres,
                            Map<String, String> extra) throws IOException {
        int port = Local.freePort();
        Map<String, String> environment = new HashMap<>(JavaService.onPostgres(port,
                options.directory().resolve(name), kafka, postgres, database));
        // the clients are few principals sending as fast as they can: the per-principal limit is not what is measured
        environment.put("INFRASHARE_RATE_LIMIT_WRITES_PER_SECOND", "1000000");
        environment.put("INFRASHARE_RATE_LIMIT_BURST", "1000000");
        if (options.profile()) {
            // a flight recording of the whole run, written when the app stops: jfr print --events ExecutionSample
            environment.put("JAVA_TOOL_OPTIONS", "-XX:StartFlightRecording=filename="
                    + options.directory().resolve(name + ".jfr") + ",settings=profile");
        }
        environment.putAll(extra);
        String module = name.startsWith("query") ? "query-side" : "command-side";
        return new JavaService(name, Jars.runnable(options.root(), module), port, environment,
                logs.resolve(name + ".log"));
    }

    private void begin(Member member) throws IOException, InterruptedException {
        say("starting " + member.name());
        member.start();
        started.add(member);
        member.awaitReady(START_LIMIT);
    }

    private void stopAll() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        started.clear();
    }

    private static void say(String message) {
        System.out.println("bench: " + message);
    }

    /** The run's settings, from the command line. */
    record Options(Path root, Path directory, List<Integer> clients, Duration warmup, Duration measure,
                   Duration limitTime, int replayEvents, Duration replayLimit, boolean profile, int historyEvents,
                   int historyProjects, int snapshotThreshold, boolean historyOnly) {

        private static final Duration WARMUP = Duration.ofSeconds(5);
        private static final Duration LIMIT_TIME = Duration.ofSeconds(5);

        static Options parse(String[] args) {
            Path root = Path.of(System.getProperty("infrashare.root", ".")).toAbsolutePath().normalize();
            Path directory = root.resolve("data/bench");
            List<Integer> clients = List.of(1, 4, 16);
            Duration measure = Duration.ofSeconds(20);
            int replayEvents = 1_000_000;
            Duration replayLimit = Duration.ofSeconds(120);
            boolean profile = false;
            int historyEvents = 50_000;
            int historyProjects = 3;
            int snapshotThreshold = 500;
            boolean historyOnly = false;
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("--profile")) {
                    profile = true;
                    continue;
                }
                if (option.equals("--history-only")) {
                    historyOnly = true;
                    continue;
                }
                if (++i >= args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[i];
                switch (option) {
                    case "--dir" -> directory = Path.of(value).toAbsolutePath();
                    case "--clients" -> clients = Stream.of(value.split(",")).map(Integer::valueOf).toList();
                    case "--measure" -> measure = Duration.ofSeconds(Long.parseLong(value));
                    case "--replay-events" -> replayEvents = Integer.parseInt(value);
                    case "--replay-limit" -> replayLimit = Duration.ofSeconds(Long.parseLong(value));
                    case "--history-events" -> historyEvents = Integer.parseInt(value);
                    case "--history-projects" -> historyProjects = Integer.parseInt(value);
                    case "--snapshot-threshold" -> snapshotThreshold = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + option
                            + "; options: --dir <path> --clients 1,4,16 --measure <s> --replay-events <n>"
                            + " --replay-limit <s> --history-events <n> --history-projects <n>"
                            + " --snapshot-threshold <n> --history-only --profile");
                }
            }
            return new Options(root, directory, clients, WARMUP, measure, LIMIT_TIME, replayEvents, replayLimit,
                    profile, historyEvents, historyProjects, snapshotThreshold, historyOnly);
        }
    }
}

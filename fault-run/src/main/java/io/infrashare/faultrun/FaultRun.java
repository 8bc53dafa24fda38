package io.infrashare.faultrun;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Starts the stack on real processes, drives a steady load of mixed commands from several clients while every
 * process is killed with SIGKILL and restarted in turn, then compares what clients were told with the event store,
 * the topic and every read model, and prints the figures.
 *
 * <pre>./infrashare fault-run [--duration 5m] [--clients 4] [--pause 5s] [--downtime 5s] [--pace 50ms] [--seed n] [--dir path]</pre>
 */
public final class FaultRun {

    private static final Logger log = LoggerFactory.getLogger(FaultRun.class);
    static final Duration SETTLE_LIMIT = Duration.ofMinutes(3);
    static final Duration CLIENTS_STOP_LIMIT = Duration.ofMinutes(2);

    private final Settings settings;
    private final PrintStream out;

    FaultRun(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println("usage: fault-run [--duration 5m] [--clients 4] [--pause 5s] [--downtime 5s] "
                    + "[--pace 50ms] [--only kafka|postgresql|command-a|command-b|query-side] [--seed n] "
                    + "[--dir ./data/fault-run]");
            return;
        }
        Path root = Path.of(System.getProperty("infrashare.root", "."));
        Figures figures = new FaultRun(Settings.parse(args, root), System.out).run();
        System.exit(figures.passed() ? 0 : 1);
    }

    Figures run() throws IOException, InterruptedException, SQLException {
        Instant started = Instant.now();
        Local.empty(settings.directory());
        log.info("fault run in {} for {}, seed {}", settings.directory(), settings.duration(), settings.seed());
        try (Stack stack = Stack.on(settings)) {
            stack.start();
            log.info("stack up: kafka {}, command-side on {} and {}, query-side on {}", stack.kafka.bootstrapServers(),
                    stack.commandA.port(), stack.commandB.port(), stack.query.port());
            Ledger ledger = new Ledger();
            Commands commands = new Commands(stack.commandNodes(), ledger);
            Scenario scenario = new Scenario(commands);
            List<Scenario.World> worlds = new ArrayList<>();
            for (Organization organization : Organization.ALL) {
                worlds.add(scenario.setUp(organization));
            }

            AtomicBoolean running = new AtomicBoolean(true);
            // what a client found wrong on its own (a hostile text not refused, a client that died): a difference
            Queue<String> clientFailures = new ConcurrentLinkedQueue<>();
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < settings.clients(); i++) {
                Client client = new Client(i + 1, worlds.get(i % worlds.size()), commands, running,
                        settings.pace());
                Thread thread = new Thread(client, "client-" + (i + 1));
                thread.setUncaughtExceptionHandler((dead, failure) ->
                        clientFailures.add(dead.getName() + " stopped: " + failure.getMessage()));
                thread.start();
                clients.add(thread);
            }
            Chaos chaos = new Chaos(stack, commands, settings);
            try {
                chaos.run(Instant.now().plus(settings.duration()));
            } finally {
                running.set(false);
                for (Thread client : clients) {
                    client.join(CLIENTS_STOP_LIMIT.toMillis());
                }
            }
            ledger.entries().stream().filter(entry -> entry.verdict() != Ledger.Verdict.ACKNOWLEDGED)
                    .forEach(entry -> log.info("{}: {} {} {} after {} attempts", entry.verdict(), entry.request(),
                            entry.status(), entry.problem() == null ? "" : entry.problem(), entry.attempts()));
            stack.heal();
            log.info("load stopped after {} commands; waiting for publication and projection to settle",
                    ledger.entries().size());
            Evidence evidence = settled(stack);
            List<String> differences = new ArrayList<>(clientFailures);
            differences.addAll(new ReadModels(stack.query).differences(worlds, evidence.stored()));
            Figures figures = Figures.of(ledger, evidence, differences, chaos.recoveries(), stack.members());
            figures.print(out, settings, Duration.between(started, Instant.now()));
            return figures;
        }
    }

    /** The evidence once every stored event is on the topic and in the read models, or as it is after the limit. */
    private static Evidence settled(Stack stack) throws IOException, InterruptedException, SQLException {
        long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
        while (true) {
            Evidence evidence = Evidence.gather(stack);
            Set<String> published = new HashSet<>();
            evidence.published().forEach(record -> published.add(record.id()));
            Set<String> applied = new HashSet<>();
            evidence.applied().forEach(entry -> applied.add(entry.id()));
            boolean caughtUp = evidence.stored().stream()
                    .allMatch(event -> published.contains(event.id()) && applied.contains(event.id()));
            if (caughtUp || System.nanoTime() > deadline) {
                return evidence;
            }
            TimeUnit.SECONDS.sleep(2);
        }
    }
}

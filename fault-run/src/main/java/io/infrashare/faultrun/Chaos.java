package io.infrashare.faultrun;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Kills one process at a time with SIGKILL at a random moment, leaves it down for a while, starts it again, and
 * measures the recovery: from the restart until the process serves and a command sent then is visible on the query
 * side. Every process takes its turn in a shuffled order, round after round, until the run's time is up and at
 * least one round is complete, so that every process has been killed at least once.
 */
final class Chaos {

    private static final Logger log = LoggerFactory.getLogger(Chaos.class);
    static final Duration RECOVERY_LIMIT = Duration.ofMinutes(3);

    record Recovery(String member, Duration downtime, Duration recovery) {
    }

    private final Stack stack;
    private final Commands commands;
    private final Settings settings;
    private final Random random;
    private final List<Recovery> recoveries = new ArrayList<>();
    private int probes;

    Chaos(Stack stack, Commands commands, Settings settings) {
        this.stack = stack;
        this.commands = commands;
        this.settings = settings;
        this.random = new Random(settings.seed());
    }

    List<Recovery> recoveries() {
        return List.copyOf(recoveries);
    }

    /** Runs until {@code until}; a process that does not recover in time ends the run with an exception. */
    void run(Instant until) throws InterruptedException, IOException {
        List<Member> order = new ArrayList<>();
        int rounds = 0;
        while (Instant.now().isBefore(until) || rounds == 0 || !order.isEmpty()) {
            if (order.isEmpty()) {
                if (rounds > 0 && !Instant.now().isBefore(until)) {
                    break;
                }
                stack.members().stream()
                        .filter(member -> settings.only() == null || member.name().equals(settings.only()))
                        .forEach(order::add);
                Collections.shuffle(order, random);
                rounds++;
            }
            pause(settings.pause());
            Member victim = order.remove(0);
            Duration downtime = Duration.ofMillis((long) (random.nextDouble() * settings.downtime().toMillis()));
            log.info("kill -9 {} (down for {} ms)", victim.name(), downtime.toMillis());
            victim.kill();
            pause(downtime);
            Instant restarted = Instant.now();
            victim.start();
            Duration recovery = recover(victim, restarted);
            log.info("{} recovered in {} ms", victim.name(), recovery.toMillis());
            recoveries.add(new Recovery(victim.name(), downtime, recovery));
        }
    }

    private Duration recover(Member member, Instant restarted) throws InterruptedException {
        Instant deadline = restarted.plus(RECOVERY_LIMIT);
        member.awaitReady(RECOVERY_LIMIT);
        int node = member == stack.commandB ? 1 : 0;
        Organization acme = Organization.ALL.get(0);
        while (Instant.now().isBefore(deadline)) {
            String type = "probe" + (++probes);
            Commands.Result probe = commands.send(acme, node, "dev-admin", "PUT", "/resource-types/" + type,
                    "{\"defaultable\":true}");
            if (probe.acknowledged()) {
                awaitVisible(probe.correlationId(), restarted, deadline);
                return Duration.between(restarted, Instant.now());
            }
        }
        throw new IllegalStateException(member.name() + " did not recover within " + RECOVERY_LIMIT.toMinutes()
                + " min; see " + member.log());
    }

    private void awaitVisible(String correlationId, Instant since, Instant deadline) throws InterruptedException {
        String path = "/audit?type=ResourceTypeConfigured&limit=1000&from=" + since.minusSeconds(1);
        while (Instant.now().isBefore(deadline)) {
            try {
                for (JsonNode entry : stack.query.api().as("dev-admin").get(path).body().path("entries")) {
                    if (correlationId.equals(entry.path("clientReference").asText())) {
                        return;
                    }
                }
            } catch (UncheckedIOException e) {
                // the query side is still starting
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException("a probe sent after the restart was not visible on the query side within "
                + RECOVERY_LIMIT.toMinutes() + " min");
    }

    private static void pause(Duration duration) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(duration.toMillis());
    }
}

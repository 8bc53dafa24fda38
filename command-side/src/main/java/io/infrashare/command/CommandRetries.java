package io.infrashare.command;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command again when it lost a race, a few times, after a growing and jittered pause, so that two nodes that
 * collided do not collide again in step. The attempt that lost rolled back whole (events, catalog rows) and evicted
 * the cached project, so the next one decides on the fresh history. Anything else, a refusal by the rules above
 * all, is answered at once.
 */
final class CommandRetries implements RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(CommandRetries.class);

    private final ScheduledExecutorService executor;
    private final int retries;
    private final Duration pause;
    private final MeterRegistry meters;

    CommandRetries(ScheduledExecutorService executor, int retries, Duration pause, MeterRegistry meters) {
        this.executor = executor;
        this.retries = retries;
        this.pause = pause;
        this.meters = meters;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatch) {
        int failed = failures.size();
        if (!LostRace.is(lastFailure) || failed > retries) {
            return false;
        }
        long longest = pause.toMillis() << (failed - 1);
        long delay = ThreadLocalRandom.current().nextLong(longest / 2, longest + 1);
        String command = commandMessage.getCommandName().substring(commandMessage.getCommandName().lastIndexOf('.') + 1);
        log.info("{} lost a race ({}); retry {} of {} in {} ms", command, lastFailure.getClass().getSimpleName(),
                failed, retries, delay);
        meters.counter("infrashare.commands.retried", "command", command).increment();
        executor.schedule(dispatch, delay, TimeUnit.MILLISECONDS);
        return true;
    }
}

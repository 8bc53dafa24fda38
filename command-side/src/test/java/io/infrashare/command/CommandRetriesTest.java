package io.infrashare.command;

import io.infrashare.command.project.CommandRefusedException;
import io.infrashare.command.project.RefusalCode;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandRetriesTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger attempts = new AtomicInteger();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** A gateway whose handler fails with each of {@code failures} in turn, then answers "done". */
    private CommandGateway gateway(RuntimeException... failures) {
        Deque<RuntimeException> ahead = new ArrayDeque<>(List.of(failures));
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(String.class.getName(), command -> {
            attempts.incrementAndGet();
            if (!ahead.isEmpty()) {
                throw ahead.pop();
            }
            return "done";
        });
        return DefaultCommandGateway.builder().commandBus(bus)
                .retryScheduler(new CommandRetries(executor, 3, Duration.ofMillis(1), meters)).build();
    }

    @Test
    void aCommandThatLostARaceRunsAgainAndSucceeds() {
        CommandGateway gateway = gateway(new ConcurrencyException("sequence 4 taken"),
                new ConcurrencyException("sequence 5 taken"));

        String answer = gateway.sendAndWait("set the default");

        assertThat(answer).isEqualTo("done");
        assertThat(attempts).hasValue(3);
        assertThat(meters.get("infrashare.commands.retried").tag("command", "String").counter().count())
                .isEqualTo(2);
    }

    @Test
    void aCommandThatKeepsLosingIsAnsweredWithTheLostRaceAfterTheLastRetry() {
        CommandGateway gateway = gateway(new ConcurrencyException("1"), new ConcurrencyException("2"),
                new ConcurrencyException("3"), new ConcurrencyException("4"));

        assertThatThrownBy(() -> gateway.sendAndWait("set the default")).isInstanceOf(ConcurrencyException.class);
        assertThat(attempts).hasValue(4);
    }

    @Test
    void aRefusalByTheRulesIsNotRunAgain() {
        CommandGateway gateway = gateway(new CommandRefusedException(RefusalCode.NOT_FOUND, "no such environment"));

        assertThatThrownBy(() -> gateway.sendAndWait("set the default"))
                .isInstanceOf(CommandRefusedException.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void creatingAProjectThatExistsIsNotRunAgain() {
        CommandGateway gateway = gateway(new AggregateStreamCreationException("acme/si exists"));

        assertThatThrownBy(() -> gateway.sendAndWait("create the project"))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(attempts).hasValue(1);
    }
}

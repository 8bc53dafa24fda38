package io.infrashare.command.receipt;

import io.infrashare.command.dryrun.DryRun;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Sends a command and waits for it as {@link CommandGateway#sendAndWait} does, retries and failures alike, and
 * answers with its receipt: the command's result and the events it stored (see {@link StoredEvents}). A dry run
 * ({@link DryRun}) records nothing and has no receipt: its answer is the failure it ends with.
 */
@Component
public class Commands {

    private final CommandGateway gateway;

    Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> Receipt<R> send(Object command) {
        FutureCallback<Object, R> callback = new FutureCallback<>();
        gateway.send(DryRun.asRequested(command), callback);
        CommandResultMessage<? extends R> answer = callback.getResult();
        if (answer.isExceptional()) {
            throw asRuntime(answer.exceptionResult());
        }
        @SuppressWarnings("unchecked")
        List<RecordedEvent> stored = (List<RecordedEvent>) answer.getMetaData().get(StoredEvents.RESULT_METADATA);
        return new Receipt<>(answer.getPayload(), stored);
    }

    private static RuntimeException asRuntime(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return failure instanceof RuntimeException runtime ? runtime
                : new CommandExecutionException("An exception occurred while executing a command", failure);
    }
}

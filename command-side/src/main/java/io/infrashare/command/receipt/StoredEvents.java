package io.infrashare.command.receipt;

import io.infrashare.events.InfrashareEvent;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.GenericResultMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Collects the events each command's unit of work stores, for its receipt. An event gets its id when the aggregate
 * applies it, but goes to the event store only when the unit of work commits, after the handler returned: so the
 * command's result carries a list that the event store's dispatch interceptor fills as the events are handed to
 * storage, in the order they are appended, and that {@link Commands} reads once the command completed. A command that
 * lost a race and runs again runs in a new unit of work, with a new list; one that was rolled back has no result.
 */
@Configuration
class StoredEvents {

    static final String RESULT_METADATA = "infrashare.stored-events";
    private static final String RESOURCE = StoredEvents.class.getName();

    @Autowired
    void collectedPerCommand(CommandBus commandBus, EventStore eventStore) {
        commandBus.registerHandlerInterceptor(new PerCommand());
        eventStore.registerDispatchInterceptor(new AsStored());
    }

    /** Opens the list of a command's unit of work, and returns it with the command's result. */
    private static final class PerCommand implements MessageHandlerInterceptor<CommandMessage<?>> {

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            List<RecordedEvent> stored = new ArrayList<>();
            unitOfWork.resources().put(RESOURCE, stored);
            Object result = chain.proceed();
            return GenericResultMessage.asResultMessage(result).andMetaData(Map.of(RESULT_METADATA, stored));
        }
    }

    /** Adds each event to the list of the command whose unit of work stores it. */
    private static final class AsStored implements MessageDispatchInterceptor<EventMessage<?>> {

        @Override
        public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> events) {
            List<RecordedEvent> stored = CurrentUnitOfWork.isStarted()
                    ? CurrentUnitOfWork.get().root().getResource(RESOURCE) : null;
            return (index, event) -> {
                if (stored != null) {
                    stored.add(new RecordedEvent(event.getIdentifier(),
                            ((InfrashareEvent) event.getPayload()).eventType()));
                }
                return event;
            };
        }
    }
}

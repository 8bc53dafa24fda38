package io.infrashare.command.dryrun;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.EventCodec;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.Topic;
import io.infrashare.events.WireRecord;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Runs a dry run's command as the real one runs, in a unit of work and a transaction of its own, through the same
 * handler and the same checks of the project and the catalog, and rolls it back where the events would be handed to
 * the event store: before they are appended, so before the catalog follows them or a snapshot is scheduled. The
 * rollback ends the transaction, frees the catalog rows the checks locked and evicts from the cache the project the
 * command changed in memory, as for any command that failed.
 * <p>
 * Appending and then rolling back would not do: an append takes a global position that a rollback leaves as a gap,
 * and publication waits for a gap to fill (see {@code EventStoreTimeouts}), so every dry run would hold back every
 * organization's events. The one rule the append itself enforces, that a project created anew does not exist yet,
 * is checked here instead, and refused as the append refuses it.
 */
@Configuration
class DryRunUnitsOfWork {

    @Autowired
    void rolledBackBeforeStoring(CommandBus commandBus, EventStore eventStore, EventStorageEngine storage,
                                 ObjectMapper json) {
        commandBus.registerHandlerInterceptor(new RolledBackWhenNothingIsRecorded());
        eventStore.registerDispatchInterceptor(new RolledBackBeforeStoring(storage, new EventCodec(json), json));
    }

    /**
     * A dry run whose command would record nothing (sharing again, say) has no events to stop; it is rolled back
     * all the same once the handler returned. One that would record something was rolled back before this runs.
     */
    private static final class RolledBackWhenNothingIsRecorded implements MessageHandlerInterceptor<CommandMessage<?>> {

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            Object result = chain.proceed();
            if (DryRun.marked(unitOfWork.getMessage())) {
                unitOfWork.onPrepareCommit(committing -> {
                    throw new AcceptedDryRun(List.of());
                });
            }
            return result;
        }
    }

    /** Stops a dry run's events on their way to the event store, as what it would record. */
    private static final class RolledBackBeforeStoring implements MessageDispatchInterceptor<EventMessage<?>> {

        private final EventStorageEngine storage;
        private final EventCodec codec;
        private final ObjectMapper json;

        RolledBackBeforeStoring(EventStorageEngine storage, EventCodec codec, ObjectMapper json) {
            this.storage = storage;
            this.codec = codec;
            this.json = json;
        }

        @Override
        public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> events) {
            if (!CurrentUnitOfWork.isStarted()
                    || !(CurrentUnitOfWork.get().root().getMessage() instanceof CommandMessage<?> command)
                    || !DryRun.marked(command)) {
                return (index, event) -> event;
            }
            events.forEach(this::requireNewStream);
            throw new AcceptedDryRun(events.stream().map(this::wouldRecord).toList());
        }

        /**
         * The event store's unique key refuses a second stream of the same project: so does a dry run, asking the
         * storage (the event store would count the dry run's own events, staged in this unit of work).
         */
        private void requireNewStream(EventMessage<?> event) {
            if (event instanceof DomainEventMessage<?> domain && domain.getSequenceNumber() == 0
                    && storage.lastSequenceNumberFor(domain.getAggregateIdentifier()).isPresent()) {
                throw new AggregateStreamCreationException("Cannot reuse aggregate identifier ["
                        + domain.getAggregateIdentifier() + "] to create aggregate of type " + domain.getType());
            }
        }

        private WouldRecord wouldRecord(EventMessage<?> event) {
            WireRecord record = codec.encode(event.getIdentifier(), (InfrashareEvent) event.getPayload());
            try {
                return new WouldRecord(record.header(Topic.Headers.TYPE), record.header(Topic.Headers.SUBJECT),
                        json.readTree(record.value()));
            } catch (IOException e) {
                throw new UncheckedIOException("The JSON just written reads back", e);
            }
        }
    }
}

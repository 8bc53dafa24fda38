package io.infrashare.command.resourcetype;

import io.infrashare.command.project.DefaultableTypes;
import io.infrashare.command.project.OnlyTheOwnersWrite;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.ResourceType;
import io.infrashare.events.ResourceTypeConfigured;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An organization's registry of resource types: which may be environment defaults. Any type name may be used
 * without registering it; the built-in defaultable ones are defaultable until an admin says otherwise.
 */
@Aggregate
public class ResourceTypes {

    @AggregateIdentifier
    private OrganizationId organization;
    private final Map<ResourceType, Boolean> configured = new HashMap<>();

    protected ResourceTypes() {
        // for Axon, which rebuilds the registry from its events, and creates it on its first command
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ConfigureResourceTypeCommand command, Clock clock) {
        OnlyTheOwnersWrite.requireAdmin(command.requester(), "configure resource types");
        boolean current = configured.getOrDefault(command.type(), DefaultableTypes.isBuiltIn(command.type()));
        if (current == command.defaultable()) {
            return; // already so: nothing to record
        }
        apply(new ResourceTypeConfigured(command.organization(), command.type(), command.defaultable(),
                command.requester().provenance(clock)));
    }

    @EventSourcingHandler
    void on(ResourceTypeConfigured event) {
        organization = event.organization();
        configured.put(event.type(), event.defaultable());
    }
}

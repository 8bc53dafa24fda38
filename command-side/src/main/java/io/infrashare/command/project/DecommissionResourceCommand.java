package io.infrashare.command.project;

import io.infrashare.events.ResourceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent to the owning project. */
public record DecommissionResourceCommand(
        @TargetAggregateIdentifier ProjectKey project,
        ResourceId resource,
        Requester requester) {
}

package io.infrashare.command.project;

import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent to the owning project. */
public record RevokeShareCommand(
        @TargetAggregateIdentifier ProjectKey project,
        ResourceId resource,
        ProjectId with,
        Requester requester) {
}

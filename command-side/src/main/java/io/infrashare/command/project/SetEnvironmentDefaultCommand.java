package io.infrashare.command.project;

import io.infrashare.events.EnvironmentId;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceType;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent to the project of the environment, which consumes the resource. */
public record SetEnvironmentDefaultCommand(
        @TargetAggregateIdentifier ProjectKey project,
        EnvironmentId environment,
        ResourceType type,
        ResourceId resource,
        Requester requester) {
}

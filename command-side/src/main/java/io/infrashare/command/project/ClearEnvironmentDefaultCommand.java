package io.infrashare.command.project;

import io.infrashare.events.EnvironmentId;
import io.infrashare.events.ResourceType;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ClearEnvironmentDefaultCommand(
        @TargetAggregateIdentifier ProjectKey project,
        EnvironmentId environment,
        ResourceType type,
        Requester requester) {
}

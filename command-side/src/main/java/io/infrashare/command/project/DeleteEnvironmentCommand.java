package io.infrashare.command.project;

import io.infrashare.events.EnvironmentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteEnvironmentCommand(
        @TargetAggregateIdentifier ProjectKey project,
        EnvironmentId environment,
        Requester requester) {
}

package io.infrashare.command.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CreateProjectCommand(
        @TargetAggregateIdentifier ProjectKey project,
        String name,
        String ownerTeam,
        Requester requester) {
}

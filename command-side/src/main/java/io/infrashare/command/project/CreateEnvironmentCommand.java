package io.infrashare.command.project;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

public record CreateEnvironmentCommand(
        @TargetAggregateIdentifier ProjectKey project,
        String abbreviation,
        String name,
        Map<String, String> labels,
        Requester requester) {
}

package io.infrashare.command.project;

import io.infrashare.events.EnvironmentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/** {@code forkOf}, an environment of the same project or {@code null}, lends its defaults and references. */
public record CreateEnvironmentCommand(
        @TargetAggregateIdentifier ProjectKey project,
        String abbreviation,
        String name,
        Map<String, String> labels,
        EnvironmentId forkOf,
        Requester requester) {
}

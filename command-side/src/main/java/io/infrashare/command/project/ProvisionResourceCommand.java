package io.infrashare.command.project;

import io.infrashare.events.EnvironmentId;
import io.infrashare.events.PackageId;
import io.infrashare.events.ResourceId;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/** Records that {@code pkg} was provisioned in {@code environment} and produced {@code resource}. */
public record ProvisionResourceCommand(
        @TargetAggregateIdentifier ProjectKey project,
        EnvironmentId environment,
        PackageId pkg,
        ResourceId resource,
        String name,
        Map<String, Object> attributes,
        Requester requester) {
}

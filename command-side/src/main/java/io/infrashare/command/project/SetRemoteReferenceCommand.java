package io.infrashare.command.project;

import io.infrashare.events.EnvironmentId;
import io.infrashare.events.PackageId;
import io.infrashare.events.ResourceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent to the project of the environment, which consumes the resource. */
public record SetRemoteReferenceCommand(
        @TargetAggregateIdentifier ProjectKey project,
        EnvironmentId environment,
        PackageId pkg,
        ResourceId resource,
        Requester requester) {
}

package io.infrashare.command.project;

import io.infrashare.events.EnvironmentId;
import io.infrashare.events.PackageId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RemoveRemoteReferenceCommand(
        @TargetAggregateIdentifier ProjectKey project,
        EnvironmentId environment,
        PackageId pkg,
        Requester requester) {
}

package io.infrashare.command.project;

import io.infrashare.events.PackageId;
import io.infrashare.events.ResourceType;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddPackageCommand(
        @TargetAggregateIdentifier ProjectKey project,
        PackageId pkg,
        String bundle,
        ResourceType resourceType,
        Requester requester) {
}

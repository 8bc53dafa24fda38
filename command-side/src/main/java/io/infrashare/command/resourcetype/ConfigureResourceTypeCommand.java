package io.infrashare.command.resourcetype;

import io.infrashare.command.project.Requester;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.ResourceType;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ConfigureResourceTypeCommand(
        @TargetAggregateIdentifier OrganizationId organization,
        ResourceType type,
        boolean defaultable,
        Requester requester) {
}

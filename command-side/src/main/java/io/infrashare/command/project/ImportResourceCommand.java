package io.infrashare.command.project;

import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceType;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

public record ImportResourceCommand(
        @TargetAggregateIdentifier ProjectKey project,
        ResourceId resource,
        ResourceType type,
        String name,
        Map<String, Object> attributes,
        Requester requester) {
}

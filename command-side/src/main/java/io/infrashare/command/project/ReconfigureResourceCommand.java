package io.infrashare.command.project;

import io.infrashare.events.ResourceId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Map;

/** Sent to the owning project; {@code changes} merge into the attributes as in RFC 7396, a null removes a key. */
public record ReconfigureResourceCommand(
        @TargetAggregateIdentifier ProjectKey project,
        ResourceId resource,
        Map<String, Object> changes,
        Requester requester) {
}

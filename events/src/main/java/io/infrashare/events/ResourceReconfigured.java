package io.infrashare.events;

import java.util.Map;
import java.util.Set;

/**
 * The owner changed a resource's attributes.
 *
 * @param attributes all of the resource's attributes after the change
 * @param removed    the attribute names the change removed
 */
public record ResourceReconfigured(
        OrganizationId organization,
        ProjectId project,
        ResourceId resource,
        Map<String, Object> attributes,
        Set<String> removed,
        Provenance provenance) implements InfrashareEvent {

    public ResourceReconfigured {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        removed = removed == null ? Set.of() : Set.copyOf(removed);
    }

    @Override
    public String subject() {
        return "resources/" + resource;
    }
}

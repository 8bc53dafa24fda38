package io.infrashare.events;

import java.util.Map;

/**
 * A resource that exists outside the platform (the database in a team's own cloud account) was registered into a
 * project. Environments of that project may consume it without a share.
 *
 * @param attributes strings, numbers or booleans, never secrets
 */
public record ResourceImported(
        OrganizationId organization,
        ProjectId project,
        ResourceId resource,
        ResourceType type,
        String name,
        Map<String, Object> attributes,
        Provenance provenance) implements InfrashareEvent {

    public ResourceImported {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    @Override
    public String subject() {
        return "resources/" + resource;
    }
}

package io.infrashare.events;

import java.util.Map;

/**
 * A package was provisioned in an environment of its project and produced this resource.
 *
 * @param attributes the resource's attributes (region, cidr...): strings, numbers or booleans, never secrets
 */
public record ResourceProvisioned(
        OrganizationId organization,
        ProjectId project,
        ResourceId resource,
        EnvironmentId environment,
        PackageId pkg,
        ResourceType type,
        String name,
        Map<String, Object> attributes,
        Provenance provenance) implements InfrashareEvent {

    public ResourceProvisioned {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    @Override
    public String subject() {
        return "resources/" + resource;
    }
}

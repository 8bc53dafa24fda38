package io.infrashare.events;

/**
 * An organization admin made a resource type (not) defaultable: whether environments may take a resource of that
 * type as a default.
 */
public record ResourceTypeConfigured(
        OrganizationId organization,
        ResourceType type,
        boolean defaultable,
        Provenance provenance) implements InfrashareEvent {

    @Override
    public String subject() {
        return "resource-types/" + type;
    }
}

package io.infrashare.events;

/**
 * The owning project granted {@code sharedWith} the use of a resource.
 *
 * @param project the project that owns the resource
 */
public record ResourceShared(
        OrganizationId organization,
        ProjectId project,
        ResourceId resource,
        ProjectId sharedWith,
        Provenance provenance) implements InfrashareEvent {

    @Override
    public String subject() {
        return "resources/" + resource;
    }
}

package io.infrashare.events;

/**
 * The owning project withdrew {@code sharedWith}'s use of a resource; no environment of that project consumed it.
 *
 * @param project the project that owns the resource
 */
public record ResourceShareRevoked(
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

package io.infrashare.events;

/**
 * A resource is gone for good; nothing consumes it, and nothing may again.
 *
 * @param environment the environment that had provisioned it, or {@code null} for an imported resource
 */
public record ResourceDecommissioned(
        OrganizationId organization,
        ProjectId project,
        ResourceId resource,
        EnvironmentId environment,
        Provenance provenance) implements InfrashareEvent {

    @Override
    public String subject() {
        return "resources/" + resource;
    }
}

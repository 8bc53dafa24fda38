package io.infrashare.events;

/**
 * The environment no longer has a default for {@code type}; {@code resource} was it.
 */
public record EnvironmentDefaultCleared(
        OrganizationId organization,
        ProjectId project,
        EnvironmentId environment,
        ResourceType type,
        ResourceId resource,
        Provenance provenance) implements InfrashareEvent {

    @Override
    public String subject() {
        return "environments/" + environment;
    }
}

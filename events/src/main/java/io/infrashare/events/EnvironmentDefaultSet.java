package io.infrashare.events;

/**
 * Every package of the environment that needs a {@code type} now uses {@code resource}.
 *
 * @param resourceOwner the project that owns the resource
 * @param replaced      the resource that was the default before, or {@code null}
 */
public record EnvironmentDefaultSet(
        OrganizationId organization,
        ProjectId project,
        EnvironmentId environment,
        ResourceType type,
        ResourceId resource,
        ProjectId resourceOwner,
        ResourceId replaced,
        Provenance provenance) implements InfrashareEvent {

    @Override
    public String subject() {
        return "environments/" + environment;
    }
}

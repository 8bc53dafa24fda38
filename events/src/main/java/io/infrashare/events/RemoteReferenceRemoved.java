package io.infrashare.events;

/**
 * Package {@code pkg} of the environment no longer references {@code resource}.
 */
public record RemoteReferenceRemoved(
        OrganizationId organization,
        ProjectId project,
        EnvironmentId environment,
        PackageId pkg,
        ResourceId resource,
        Provenance provenance) implements InfrashareEvent {

    @Override
    public String subject() {
        return "environments/" + environment;
    }
}

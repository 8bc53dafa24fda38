package io.infrashare.events;

/**
 * In the environment, package {@code pkg} is the existing {@code resource} instead of being provisioned.
 *
 * @param resourceOwner the project that owns the resource
 * @param replaced      the resource the package referenced before, or {@code null}
 */
public record RemoteReferenceAdded(
        OrganizationId organization,
        ProjectId project,
        EnvironmentId environment,
        PackageId pkg,
        ResourceId resource,
        ProjectId resourceOwner,
        ResourceId replaced,
        Provenance provenance) implements InfrashareEvent {

    @Override
    public String subject() {
        return "environments/" + environment;
    }
}

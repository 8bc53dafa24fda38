package io.infrashare.events;

/**
 * A (preview) environment was torn down. Its defaults and references were released, and the resources it provisioned
 * decommissioned, by events recorded just before this one. Its id is never used again.
 */
public record EnvironmentDeleted(
        OrganizationId organization,
        ProjectId project,
        EnvironmentId environment,
        Provenance provenance) implements InfrashareEvent {

    @Override
    public String subject() {
        return "environments/" + environment;
    }
}

package io.infrashare.events;

/**
 * What every event of the contract has: its organization (the Kafka record key), its provenance, and the subject
 * it is about (the CloudEvents {@code subject}, such as {@code environments/si-staging}).
 */
public sealed interface InfrashareEvent permits
        ProjectCreated, EnvironmentCreated, EnvironmentDeleted, PackageAdded, ResourceProvisioned,
        ResourceImported, ResourceReconfigured, ResourceDecommissioned, ResourceShared, ResourceShareRevoked,
        EnvironmentDefaultSet, EnvironmentDefaultCleared, RemoteReferenceAdded, RemoteReferenceRemoved,
        ResourceTypeConfigured {

    OrganizationId organization();

    Provenance provenance();

    String subject();

    /** The event's name, also its CloudEvents {@code type}. */
    default String eventType() {
        return getClass().getSimpleName();
    }
}

package io.infrashare.events;

/**
 * What every event of the contract has: its organization (the Kafka record key), its provenance, and the subject
 * it is about (the CloudEvents {@code subject}, such as {@code environments/si-staging}).
 */
public sealed interface InfrashareEvent permits
        ProjectCreated, EnvironmentCreated, PackageAdded, ResourceProvisioned, ResourceShared,
        EnvironmentDefaultSet {

    OrganizationId organization();

    Provenance provenance();

    String subject();

    /** The event's name, also its CloudEvents {@code type}. */
    default String eventType() {
        return getClass().getSimpleName();
    }
}

package io.infrashare.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** One or more events of every type of the contract, optional fields given and not. */
public final class SampleEvents {

    private SampleEvents() {
    }

    public static List<InfrashareEvent> all() {
        var provenance = new Provenance("eric", "network for staging", Instant.parse("2026-11-23T10:15:30.123456Z"), "c-1");
        var noReason = new Provenance("olivia", null, Instant.parse("2026-11-23T10:15:31Z"), "c-2");
        var org = OrganizationId.of("acme");
        var si = ProjectId.of("si");
        var ecomm = ProjectId.of("ecomm");
        var staging = EnvironmentId.of(si, "staging");
        var vpc = ResourceId.of(UUID.randomUUID());
        var otherVpc = ResourceId.of(UUID.randomUUID());
        return List.of(
                new ProjectCreated(org, si, "Shared Infra", "ops", provenance),
                new EnvironmentCreated(org, si, staging, "Staging", Map.of("tier", "staging"), null, provenance),
                new EnvironmentCreated(org, ecomm, EnvironmentId.of("ecomm-pr1"), "PR 1", Map.of(),
                        EnvironmentId.of("ecomm-staging"), noReason),
                new PackageAdded(org, si, PackageId.of("vpc"), "aws-vpc", ResourceType.of("aws-vpc"), provenance),
                new ResourceProvisioned(org, si, vpc, staging, PackageId.of("vpc"), ResourceType.of("aws-vpc"),
                        "US VPC", Map.of("region", "us-east-1", "azs", 3, "private", true), provenance),
                new ResourceShared(org, si, vpc, ecomm, provenance),
                new EnvironmentDefaultSet(org, ecomm, EnvironmentId.of("ecomm-staging"),
                        ResourceType.of("aws-vpc"), vpc, si, null, provenance),
                new EnvironmentDefaultSet(org, ecomm, EnvironmentId.of("ecomm-staging"),
                        ResourceType.of("aws-vpc"), otherVpc, si, vpc, noReason),
                new EnvironmentDefaultCleared(org, ecomm, EnvironmentId.of("ecomm-staging"),
                        ResourceType.of("aws-vpc"), vpc, provenance),
                new RemoteReferenceAdded(org, ecomm, EnvironmentId.of("ecomm-pr1"),
                        PackageId.of("vpc"), vpc, si, null, provenance),
                new RemoteReferenceAdded(org, ecomm, EnvironmentId.of("ecomm-pr1"),
                        PackageId.of("vpc"), otherVpc, si, vpc, provenance),
                new RemoteReferenceRemoved(org, ecomm, EnvironmentId.of("ecomm-pr1"),
                        PackageId.of("vpc"), vpc, provenance),
                new ResourceImported(org, ecomm, ResourceId.of(UUID.randomUUID()),
                        ResourceType.of("postgresql"), "legacy db", Map.of("engine", "postgres"), provenance),
                new ResourceReconfigured(org, si, vpc, Map.of("region", "eu-west-1"), Set.of("azs"), provenance),
                new ResourceShareRevoked(org, si, vpc, ecomm, provenance),
                new ResourceDecommissioned(org, si, vpc, staging, provenance),
                new ResourceDecommissioned(org, ecomm, otherVpc, null, provenance),
                new EnvironmentDeleted(org, si, staging, provenance),
                new ResourceTypeConfigured(org, ResourceType.of("spark-cluster"), true, provenance));
    }
}

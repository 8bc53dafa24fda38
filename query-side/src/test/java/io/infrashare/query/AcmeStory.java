package io.infrashare.query;

import io.infrashare.events.EnvironmentCreated;
import io.infrashare.events.EnvironmentDefaultSet;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.PackageAdded;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectCreated;
import io.infrashare.events.ProjectId;
import io.infrashare.events.Provenance;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceProvisioned;
import io.infrashare.events.ResourceShared;
import io.infrashare.events.ResourceType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The story of API.md: ops provisions VPCs in Shared Infra's staging and shares them with ECommerce API, whose team
 * makes one the default network of its own staging.
 */
public final class AcmeStory {

    public static final OrganizationId ACME = OrganizationId.of("acme");
    public static final ProjectId SI = ProjectId.of("si");
    public static final ProjectId ECOMM = ProjectId.of("ecomm");
    public static final EnvironmentId SI_STAGING = EnvironmentId.of(SI, "staging");
    public static final EnvironmentId ECOMM_STAGING = EnvironmentId.of(ECOMM, "staging");
    public static final PackageId VPC = PackageId.of("vpc");
    public static final ResourceType AWS_VPC = ResourceType.of("aws-vpc");
    public static final ResourceId US_VPC = ResourceId.of(UUID.fromString("8c1f7a5e-4a6e-4c51-9d55-3b1b6f0f2a10"));
    public static final ResourceId EU_VPC = ResourceId.of(UUID.fromString("3f2b9c4d-1e8a-4b7c-a6d5-0c9e8f7a6b51"));
    /** When the story starts; every event is a second later than the one before. */
    public static final Instant START = Instant.parse("2026-11-23T10:15:30.123456Z");

    private AcmeStory() {
    }

    public static Instant second(int n) {
        return START.plusSeconds(n);
    }

    /** Seven events, up to the US VPC being shared with ecomm. */
    public static List<InfrashareEvent> opsSharesTheUsVpcWithEcommerce() {
        return List.of(
                new ProjectCreated(ACME, SI, "Shared Infra", "ops", by("olivia", 0)),
                new ProjectCreated(ACME, ECOMM, "ECommerce API", "ecommerce", by("eric", 1)),
                new EnvironmentCreated(ACME, SI, SI_STAGING, "Staging", Map.of("tier", "staging"), null, by("olivia", 2)),
                new EnvironmentCreated(ACME, ECOMM, ECOMM_STAGING, "Staging", Map.of("tier", "staging"), null,
                        by("eric", 3)),
                new PackageAdded(ACME, SI, VPC, "aws-vpc", AWS_VPC, by("olivia", 4)),
                new ResourceProvisioned(ACME, SI, US_VPC, SI_STAGING, VPC, AWS_VPC, "US VPC",
                        Map.of("region", "us-east-1", "cidr", "10.0.0.0/16", "azs", 3), by("olivia", 5)),
                new ResourceShared(ACME, SI, US_VPC, ECOMM, by("olivia", 6)));
    }

    /** Two events: the EU VPC, provisioned and shared with ecomm. */
    public static List<InfrashareEvent> opsSharesTheEuVpcWithEcommerce(int atSecond) {
        return List.of(
                new ResourceProvisioned(ACME, SI, EU_VPC, SI_STAGING, VPC, AWS_VPC, "EU VPC",
                        Map.of("region", "eu-west-1"), by("olivia", atSecond)),
                new ResourceShared(ACME, SI, EU_VPC, ECOMM, by("olivia", atSecond + 1)));
    }

    public static EnvironmentDefaultSet ericSetsTheDefaultVpc(ResourceId vpc, ResourceId replaced, int atSecond) {
        return new EnvironmentDefaultSet(ACME, ECOMM, ECOMM_STAGING, AWS_VPC, vpc, SI, replaced, by("eric", atSecond));
    }

    public static Provenance by(String actor, int atSecond) {
        return new Provenance(actor, null, second(atSecond), "correlation-" + atSecond);
    }
}

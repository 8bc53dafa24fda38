package io.infrashare.query;

import io.infrashare.events.EnvironmentCreated;
import io.infrashare.events.EnvironmentDefaultCleared;
import io.infrashare.events.EnvironmentDefaultSet;
import io.infrashare.events.EnvironmentDeleted;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.PackageAdded;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectCreated;
import io.infrashare.events.ProjectId;
import io.infrashare.events.Provenance;
import io.infrashare.events.RemoteReferenceAdded;
import io.infrashare.events.RemoteReferenceRemoved;
import io.infrashare.events.ResourceDecommissioned;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceImported;
import io.infrashare.events.ResourceProvisioned;
import io.infrashare.events.ResourceReconfigured;
import io.infrashare.events.ResourceShareRevoked;
import io.infrashare.events.ResourceShared;
import io.infrashare.events.ResourceType;
import io.infrashare.events.ResourceTypeConfigured;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The story of docs/http-api.md: ops provisions VPCs in Shared Infra's staging and shares them with ECommerce API, whose team
 * makes one the default network of its own staging.
 */
public final class AcmeStory {

    public static final OrganizationId ACME = OrganizationId.of("acme");
    public static final ProjectId SI = ProjectId.of("si");
    public static final ProjectId ECOMM = ProjectId.of("ecomm");
    public static final EnvironmentId SI_STAGING = EnvironmentId.of(SI, "staging");
    public static final EnvironmentId ECOMM_STAGING = EnvironmentId.of(ECOMM, "staging");
    /** The preview environment of pull request 42, forked from ecomm's staging. */
    public static final EnvironmentId ECOMM_PR42 = EnvironmentId.of(ECOMM, "pr42");
    public static final PackageId VPC = PackageId.of("vpc");
    public static final ResourceType AWS_VPC = ResourceType.of("aws-vpc");
    public static final ResourceId US_VPC = ResourceId.of(UUID.fromString("8c1f7a5e-4a6e-4c51-9d55-3b1b6f0f2a10"));
    public static final ResourceId EU_VPC = ResourceId.of(UUID.fromString("3f2b9c4d-1e8a-4b7c-a6d5-0c9e8f7a6b51"));
    public static final ResourceType AWS_IAM_ROLE = ResourceType.of("aws-iam-role");
    /** A role of ecomm's own AWS account, imported into ecomm. */
    public static final ResourceId DEPLOYER_ROLE =
            ResourceId.of(UUID.fromString("b7d4e2a1-6c3f-4e8b-9a0d-5f1e2c3b4a69"));
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

    /** ecomm's canvas gets a VPC package of its own, which an environment may provision or reference. */
    public static PackageAdded ecommAddsAVpcPackage(int atSecond) {
        return new PackageAdded(ACME, ECOMM, VPC, "aws-vpc", AWS_VPC, by("eric", atSecond));
    }

    /** In ecomm's staging, the VPC package is ops' shared VPC instead of one of its own. */
    public static RemoteReferenceAdded ericReferencesTheVpc(ResourceId vpc, ResourceId replaced, int atSecond) {
        return new RemoteReferenceAdded(ACME, ECOMM, ECOMM_STAGING, VPC, vpc, SI, replaced, by("eric", atSecond));
    }

    public static ResourceImported ericImportsTheDeployerRole(int atSecond) {
        return new ResourceImported(ACME, ECOMM, DEPLOYER_ROLE, AWS_IAM_ROLE, "CI deployer role",
                Map.of("arn", "arn:aws:iam::123456789012:role/ci-deployer"), by("eric", atSecond));
    }

    /**
     * 26 events, one or more of every type of the contract: after the first story, ecomm's staging moves from the US
     * to the EU VPC and takes its imported deployer role as default credentials; a preview environment is forked from
     * it, gets copies of its defaults and a remote reference, and is torn down; ops reconfigures the EU VPC, then
     * revokes and decommissions the US VPC, which nothing consumes any more.
     */
    public static List<InfrashareEvent> everyKindOfEvent() {
        List<InfrashareEvent> story = new ArrayList<>(opsSharesTheUsVpcWithEcommerce());
        story.addAll(opsSharesTheEuVpcWithEcommerce(7));
        story.add(ericSetsTheDefaultVpc(US_VPC, null, 9));
        story.add(ericSetsTheDefaultVpc(EU_VPC, US_VPC, 10));
        story.add(new ResourceTypeConfigured(ACME, ResourceType.of("spark-cluster"), true, by("ada", 11)));
        story.add(ericImportsTheDeployerRole(12));
        story.add(new EnvironmentDefaultSet(ACME, ECOMM, ECOMM_STAGING, AWS_IAM_ROLE, DEPLOYER_ROLE, ECOMM, null,
                by("eric", 13)));
        story.add(ecommAddsAVpcPackage(14));
        story.add(new EnvironmentCreated(ACME, ECOMM, ECOMM_PR42, "PR 42", Map.of("tier", "preview"), ECOMM_STAGING,
                by("eric", 15)));
        story.add(new EnvironmentDefaultSet(ACME, ECOMM, ECOMM_PR42, AWS_IAM_ROLE, DEPLOYER_ROLE, ECOMM, null,
                by("eric", 16)));
        story.add(new EnvironmentDefaultSet(ACME, ECOMM, ECOMM_PR42, AWS_VPC, EU_VPC, SI, null, by("eric", 17)));
        story.add(new RemoteReferenceAdded(ACME, ECOMM, ECOMM_PR42, VPC, EU_VPC, SI, null, by("eric", 18)));
        story.add(new ResourceReconfigured(ACME, SI, EU_VPC, Map.of("region", "eu-west-1", "cidr", "10.1.0.0/16"),
                Set.of(), by("olivia", 19)));
        story.add(new EnvironmentDefaultCleared(ACME, ECOMM, ECOMM_PR42, AWS_IAM_ROLE, DEPLOYER_ROLE, by("eric", 20)));
        story.add(new EnvironmentDefaultCleared(ACME, ECOMM, ECOMM_PR42, AWS_VPC, EU_VPC, by("eric", 20)));
        story.add(new RemoteReferenceRemoved(ACME, ECOMM, ECOMM_PR42, VPC, EU_VPC, by("eric", 20)));
        story.add(new EnvironmentDeleted(ACME, ECOMM, ECOMM_PR42, by("eric", 20)));
        story.add(new ResourceShareRevoked(ACME, SI, US_VPC, ECOMM, by("olivia", 21)));
        story.add(new ResourceDecommissioned(ACME, SI, US_VPC, SI_STAGING, by("olivia", 22)));
        return List.copyOf(story);
    }

    public static Provenance by(String actor, int atSecond) {
        return new Provenance(actor, null, second(atSecond), "correlation-" + atSecond);
    }
}

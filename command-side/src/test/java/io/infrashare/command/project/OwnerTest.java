package io.infrashare.command.project;

import io.infrashare.events.EnvironmentCreated;
import io.infrashare.events.EnvironmentDefaultCleared;
import io.infrashare.events.EnvironmentDefaultSet;
import io.infrashare.events.EnvironmentDeleted;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectId;
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
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.infrashare.command.project.ProjectFixtures.*;
import static org.hamcrest.Matchers.allOf;

/** The owner's side: imports, reconfiguration, revocation, decommissioning, and environments' lifecycle. */
class OwnerTest {

    private static final ResourceType POSTGRES = ResourceType.of("postgresql");
    private static final ResourceId LEGACY_DB = ResourceId.of(UUID.fromString("3e4d5c6b-7a89-4b0c-8d1e-2f3a4b5c6d7e"));

    private final FakeCatalog catalog = new FakeCatalog();
    private final AggregateTestFixture<Project> fixture = fixture(catalog);

    private TestExecutor<Project> givenAProvisionedVpc() {
        return fixture.given(sharedInfraCreated(), environmentCreated(SI, SI_STAGING, OLIVIA), vpcPackageAdded(),
                vpcProvisioned());
    }

    @Test
    void anImportedResourceBelongsToTheProjectWithoutAnEnvironment() {
        fixture.given(ecommerceCreated())
                .when(new ImportResourceCommand(ECOMM_KEY, LEGACY_DB, POSTGRES, "legacy db",
                        Map.of("engine", "postgres"), as(ERIC)))
                .expectEvents(new ResourceImported(ACME, ECOMM, LEGACY_DB, POSTGRES, "legacy db",
                        Map.of("engine", "postgres"), by(ERIC)))
                .expectResultMessagePayload(new ResourceDescription(LEGACY_DB, POSTGRES, "legacy db",
                        Map.of("engine", "postgres"), true, ECOMM, null, null));
    }

    @Test
    void reconfiguringMergesTheAttributesAndANullRemovesOne() {
        Map<String, Object> changes = new HashMap<>();
        changes.put("region", "eu-west-1");
        changes.put("cidr", "10.0.0.0/16");
        changes.put("missing", null);
        givenAProvisionedVpc()
                .when(new ReconfigureResourceCommand(SI_KEY, VPC, changes, as(OLIVIA)))
                .expectEvents(new ResourceReconfigured(ACME, SI, VPC,
                        Map.of("region", "eu-west-1", "cidr", "10.0.0.0/16"), Set.of(), by(OLIVIA)));
    }

    @Test
    void reconfiguringToWhatItAlreadyIsRecordsNothing() {
        givenAProvisionedVpc()
                .when(new ReconfigureResourceCommand(SI_KEY, VPC, Map.of("region", "us-east-1"), as(OLIVIA)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aConsumerCannotReconfigureWhatItUses() {
        givenAProvisionedVpc()
                .when(new ReconfigureResourceCommand(SI_KEY, VPC, Map.of("region", "eu-west-1"), as(ERIC)))
                .expectException(refusedAs(RefusalCode.FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void revokingAShareNobodyUsesRecordsTheRevocation() {
        givenAProvisionedVpc()
                .andGiven(new ResourceShared(ACME, SI, VPC, ECOMM, by(OLIVIA)))
                .when(new RevokeShareCommand(SI_KEY, VPC, ECOMM, as(OLIVIA)))
                .expectEvents(new ResourceShareRevoked(ACME, SI, VPC, ECOMM, by(OLIVIA)));
    }

    @Test
    void revokeIsRefusedWhileAnEnvironmentOfThatProjectUsesTheShareAndListsIt() {
        catalog.consumedBy(VPC, defaultConsumer(ECOMM_STAGING));
        givenAProvisionedVpc()
                .andGiven(new ResourceShared(ACME, SI, VPC, ECOMM, by(OLIVIA)))
                .when(new RevokeShareCommand(SI_KEY, VPC, ECOMM, as(OLIVIA)))
                .expectException(allOf(refusedAs(RefusalCode.SHARE_IN_USE),
                        listing(defaultConsumer(ECOMM_STAGING))))
                .expectNoEvents();
    }

    @Test
    void revokingAShareThatDoesNotExistIsNotFound() {
        givenAProvisionedVpc()
                .when(new RevokeShareCommand(SI_KEY, VPC, ECOMM, as(OLIVIA)))
                .expectException(refusedAs(RefusalCode.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void aConsumerCannotDecommissionWhatItUses() {
        givenAProvisionedVpc()
                .when(new DecommissionResourceCommand(SI_KEY, VPC, as(ERIC)))
                .expectException(refusedAs(RefusalCode.FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void decommissionIsRefusedWhileAnythingConsumesTheResourceAndListsTheConsumers() {
        catalog.consumedBy(VPC, defaultConsumer(ECOMM_STAGING),
                new Consumer(ECOMM_PREVIEW, ECOMM, Consumer.REMOTE_REFERENCE, PackageId.of("vpc")));
        givenAProvisionedVpc()
                .when(new DecommissionResourceCommand(SI_KEY, VPC, as(OLIVIA)))
                .expectException(allOf(refusedAs(RefusalCode.RESOURCE_IN_USE), listing(defaultConsumer(ECOMM_STAGING),
                        new Consumer(ECOMM_PREVIEW, ECOMM, Consumer.REMOTE_REFERENCE, PackageId.of("vpc")))))
                .expectNoEvents();
    }

    @Test
    void aResourceNobodyConsumesIsDecommissionedOnceAndThenCannotBeShared() {
        givenAProvisionedVpc()
                .when(new DecommissionResourceCommand(SI_KEY, VPC, as(OLIVIA)))
                .expectEvents(new ResourceDecommissioned(ACME, SI, VPC, SI_STAGING, by(OLIVIA)));
        givenAProvisionedVpc()
                .andGiven(new ResourceDecommissioned(ACME, SI, VPC, SI_STAGING, by(OLIVIA)))
                .when(new DecommissionResourceCommand(SI_KEY, VPC, as(OLIVIA)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        givenAProvisionedVpc()
                .andGiven(new ResourceDecommissioned(ACME, SI, VPC, SI_STAGING, by(OLIVIA)))
                .when(new ShareResourceCommand(SI_KEY, VPC, ECOMM, as(OLIVIA)))
                .expectException(refusedAs(RefusalCode.RESOURCE_DECOMMISSIONED))
                .expectNoEvents();
    }

    @Test
    void aForkCopiesTheBaseEnvironmentsDefaultsAndReferencesEachAsItsOwnEvent() {
        catalog.with(new CatalogedResource(VPC, SI, AWS_VPC, false, true, Set.of(ECOMM)))
                .with(new CatalogedResource(EKS, SI, CLUSTER, false, true, Set.of(ECOMM)));
        fixture.given(ecommerceCreated(), environmentCreated(ECOMM, ECOMM_STAGING, ERIC),
                        k8sPackageAdded(ECOMM, ERIC),
                        new EnvironmentDefaultSet(ACME, ECOMM, ECOMM_STAGING, AWS_VPC, VPC, SI, null, by(ERIC)),
                        new RemoteReferenceAdded(ACME, ECOMM, ECOMM_STAGING, PackageId.of("k8s"), EKS, SI, null,
                                by(ERIC)))
                .when(new CreateEnvironmentCommand(ECOMM_KEY, "pr1", "PR 1", Map.of("tier", "preview"),
                        ECOMM_STAGING, as(ERIC)))
                .expectEvents(
                        new EnvironmentCreated(ACME, ECOMM, ECOMM_PREVIEW, "PR 1", Map.of("tier", "preview"),
                                ECOMM_STAGING, by(ERIC)),
                        new EnvironmentDefaultSet(ACME, ECOMM, ECOMM_PREVIEW, AWS_VPC, VPC, SI, null, by(ERIC)),
                        new RemoteReferenceAdded(ACME, ECOMM, ECOMM_PREVIEW, PackageId.of("k8s"), EKS, SI, null,
                                by(ERIC)));
    }

    @Test
    void forkingARevokedResourceIsRefused() {
        catalog.with(new CatalogedResource(VPC, SI, AWS_VPC, false, true, Set.of()));
        fixture.given(ecommerceCreated(), environmentCreated(ECOMM, ECOMM_STAGING, ERIC),
                        new EnvironmentDefaultSet(ACME, ECOMM, ECOMM_STAGING, AWS_VPC, VPC, SI, null, by(ERIC)))
                .when(new CreateEnvironmentCommand(ECOMM_KEY, "pr1", "PR 1", Map.of(), ECOMM_STAGING, as(ERIC)))
                .expectException(refusedAs(RefusalCode.NOT_SHARED))
                .expectNoEvents();
    }

    @Test
    void teardownReleasesWhatTheEnvironmentConsumedAndDecommissionsWhatItProvisioned() {
        EnvironmentId preview = EnvironmentId.of("si-pr1");
        ResourceId previewVpc = ResourceId.of(UUID.randomUUID());
        fixture.given(sharedInfraCreated(), environmentCreated(SI, preview, OLIVIA), vpcPackageAdded(),
                        new ResourceProvisioned(ACME, SI, previewVpc, preview,
                                PackageId.of("vpc"), AWS_VPC, "preview VPC", Map.of(), by(OLIVIA)),
                        new EnvironmentDefaultSet(ACME, SI, preview, CLUSTER, EKS,
                                ProjectId.of("peering"), null, by(OLIVIA)),
                        k8sPackageAdded(SI, OLIVIA),
                        new RemoteReferenceAdded(ACME, SI, preview, PackageId.of("k8s"), EKS,
                                ProjectId.of("peering"), null, by(OLIVIA)))
                .when(new DeleteEnvironmentCommand(SI_KEY, preview, as(OLIVIA)))
                .expectEvents(
                        new EnvironmentDefaultCleared(ACME, SI, preview, CLUSTER, EKS, by(OLIVIA)),
                        new RemoteReferenceRemoved(ACME, SI, preview, PackageId.of("k8s"), EKS, by(OLIVIA)),
                        new ResourceDecommissioned(ACME, SI, previewVpc, preview, by(OLIVIA)),
                        new EnvironmentDeleted(ACME, SI, preview, by(OLIVIA)));
    }

    @Test
    void teardownIsRefusedWhileResourcesItProvisionedAreConsumedElsewhere() {
        catalog.consumedBy(VPC, defaultConsumer(ECOMM_STAGING));
        givenAProvisionedVpc()
                .when(new DeleteEnvironmentCommand(SI_KEY, SI_STAGING, as(OLIVIA)))
                .expectException(allOf(refusedAs(RefusalCode.ENVIRONMENT_RESOURCES_IN_USE),
                        listing(defaultConsumer(ECOMM_STAGING))))
                .expectNoEvents();
    }

    @Test
    void aDeletedEnvironmentsIdIsNeverUsedAgainAndItTakesNoMoreCommands() {
        fixture.given(sharedInfraCreated(), environmentCreated(SI, SI_STAGING, OLIVIA),
                        new EnvironmentDeleted(ACME, SI, SI_STAGING, by(OLIVIA)))
                .when(new CreateEnvironmentCommand(SI_KEY, "staging", "Staging", Map.of(), null, as(OLIVIA)))
                .expectException(refusedAs(RefusalCode.ALREADY_EXISTS))
                .expectNoEvents();
        fixture.given(sharedInfraCreated(), environmentCreated(SI, SI_STAGING, OLIVIA),
                        new EnvironmentDeleted(ACME, SI, SI_STAGING, by(OLIVIA)))
                .when(new DeleteEnvironmentCommand(SI_KEY, SI_STAGING, as(OLIVIA)))
                .expectException(refusedAs(RefusalCode.NOT_FOUND))
                .expectNoEvents();
    }
}

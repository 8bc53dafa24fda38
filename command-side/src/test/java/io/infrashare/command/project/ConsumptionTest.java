package io.infrashare.command.project;

import io.infrashare.events.EnvironmentDefaultCleared;
import io.infrashare.events.EnvironmentDefaultSet;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectId;
import io.infrashare.events.RemoteReferenceAdded;
import io.infrashare.events.RemoteReferenceRemoved;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceProvisioned;
import io.infrashare.events.ResourceType;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.infrashare.command.project.ProjectFixtures.*;

/** The consumer's side: remote references, clearing defaults, and the type registry's say on defaults. */
class ConsumptionTest {

    private static final PackageId K8S = PackageId.of("k8s");
    private static final ResourceId OTHER_EKS = ResourceId.of(UUID.fromString("1a2b3c4d-5e6f-4a0b-9c8d-7e6f5a4b3c2d"));

    private final FakeCatalog catalog = new FakeCatalog();
    private final AggregateTestFixture<Project> fixture = fixture(catalog);

    private static CatalogedResource sharedEks(ResourceId id) {
        return new CatalogedResource(id, SI, CLUSTER, false, true, Set.of(ECOMM));
    }

    private TestExecutor<Project> givenEcommerceWithAK8sPackage() {
        return fixture.given(ecommerceCreated(), environmentCreated(ECOMM, ECOMM_STAGING, ERIC),
                k8sPackageAdded(ECOMM, ERIC));
    }

    @Test
    void aPackageReferencesASharedResourceInsteadOfBeingProvisioned() {
        catalog.with(sharedEks(EKS));
        givenEcommerceWithAK8sPackage()
                .when(new SetRemoteReferenceCommand(ECOMM_KEY, ECOMM_STAGING, K8S, EKS, as(ERIC)))
                .expectEvents(new RemoteReferenceAdded(ACME, ECOMM, ECOMM_STAGING, K8S, EKS, SI, null, by(ERIC)));
    }

    @Test
    void aNewReferenceReplacesTheOldOneAndNamesIt() {
        catalog.with(sharedEks(EKS)).with(sharedEks(OTHER_EKS));
        givenEcommerceWithAK8sPackage()
                .andGiven(new RemoteReferenceAdded(ACME, ECOMM, ECOMM_STAGING, K8S, EKS, SI, null, by(ERIC)))
                .when(new SetRemoteReferenceCommand(ECOMM_KEY, ECOMM_STAGING, K8S, OTHER_EKS, as(ERIC)))
                .expectEvents(new RemoteReferenceAdded(ACME, ECOMM, ECOMM_STAGING, K8S, OTHER_EKS, SI, EKS,
                        by(ERIC)));
    }

    @Test
    void aReferenceTakesAResourceOfThePackagesType() {
        catalog.with(new CatalogedResource(VPC, SI, AWS_VPC, false, true, Set.of(ECOMM)));
        givenEcommerceWithAK8sPackage()
                .when(new SetRemoteReferenceCommand(ECOMM_KEY, ECOMM_STAGING, K8S, VPC, as(ERIC)))
                .expectException(refusedAs(RefusalCode.TYPE_MISMATCH))
                .expectNoEvents();
    }

    @Test
    void aReferenceNeedsTheShare() {
        catalog.with(new CatalogedResource(EKS, SI, CLUSTER, false, true, Set.of()));
        givenEcommerceWithAK8sPackage()
                .when(new SetRemoteReferenceCommand(ECOMM_KEY, ECOMM_STAGING, K8S, EKS, as(ERIC)))
                .expectException(refusedAs(RefusalCode.NOT_SHARED))
                .expectNoEvents();
    }

    @Test
    void aPackageProvisionedInTheEnvironmentCannotAlsoBeAReference() {
        catalog.with(sharedEks(EKS));
        givenEcommerceWithAK8sPackage()
                .andGiven(new ResourceProvisioned(ACME, ECOMM, OTHER_EKS, ECOMM_STAGING, K8S, CLUSTER, "own",
                        Map.of(), by(ERIC)))
                .when(new SetRemoteReferenceCommand(ECOMM_KEY, ECOMM_STAGING, K8S, EKS, as(ERIC)))
                .expectException(refusedAs(RefusalCode.PACKAGE_ALREADY_PROVISIONED))
                .expectNoEvents();
    }

    @Test
    void aPackageThatIsAReferenceCannotBeProvisionedThere() {
        givenEcommerceWithAK8sPackage()
                .andGiven(new RemoteReferenceAdded(ACME, ECOMM, ECOMM_STAGING, K8S, EKS, SI, null, by(ERIC)))
                .when(new ProvisionResourceCommand(ECOMM_KEY, ECOMM_STAGING, K8S, OTHER_EKS, "own", Map.of(),
                        as(ERIC)))
                .expectException(refusedAs(RefusalCode.PACKAGE_IS_REMOTE_REFERENCE))
                .expectNoEvents();
    }

    @Test
    void aReferenceToAnUnknownPackageIsNotFound() {
        catalog.with(sharedEks(EKS));
        givenEcommerceWithAK8sPackage()
                .when(new SetRemoteReferenceCommand(ECOMM_KEY, ECOMM_STAGING, PackageId.of("db"), EKS, as(ERIC)))
                .expectException(refusedAs(RefusalCode.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void removingAReferenceReleasesTheResource() {
        givenEcommerceWithAK8sPackage()
                .andGiven(new RemoteReferenceAdded(ACME, ECOMM, ECOMM_STAGING, K8S, EKS, SI, null, by(ERIC)))
                .when(new RemoveRemoteReferenceCommand(ECOMM_KEY, ECOMM_STAGING, K8S, as(ERIC)))
                .expectEvents(new RemoteReferenceRemoved(ACME, ECOMM, ECOMM_STAGING, K8S, EKS, by(ERIC)));
    }

    @Test
    void removingAReferenceThatIsNotThereIsNotFound() {
        givenEcommerceWithAK8sPackage()
                .when(new RemoveRemoteReferenceCommand(ECOMM_KEY, ECOMM_STAGING, K8S, as(ERIC)))
                .expectException(refusedAs(RefusalCode.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void onlyTheEnvironmentsTeamChangesItsReferences() {
        catalog.with(sharedEks(EKS));
        givenEcommerceWithAK8sPackage()
                .when(new SetRemoteReferenceCommand(ECOMM_KEY, ECOMM_STAGING, K8S, EKS, as(OLIVIA)))
                .expectException(refusedAs(RefusalCode.FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void clearingADefaultReleasesTheResource() {
        givenEcommerceWithAK8sPackage()
                .andGiven(new EnvironmentDefaultSet(ACME, ECOMM, ECOMM_STAGING, AWS_VPC, VPC, SI, null, by(ERIC)))
                .when(new ClearEnvironmentDefaultCommand(ECOMM_KEY, ECOMM_STAGING, AWS_VPC, as(ERIC)))
                .expectEvents(new EnvironmentDefaultCleared(ACME, ECOMM, ECOMM_STAGING, AWS_VPC, VPC, by(ERIC)));
    }

    @Test
    void clearingADefaultThatIsNotSetIsNotFound() {
        givenEcommerceWithAK8sPackage()
                .when(new ClearEnvironmentDefaultCommand(ECOMM_KEY, ECOMM_STAGING, AWS_VPC, as(ERIC)))
                .expectException(refusedAs(RefusalCode.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void aTypeAnAdminMadeDefaultableMayBeADefault() {
        ResourceType spark = ResourceType.of("spark-cluster");
        ResourceId sparkCluster = ResourceId.of(UUID.randomUUID());
        catalog.configured(spark, true)
                .with(new CatalogedResource(sparkCluster, SI, spark, false, true, Set.of(ECOMM)));
        givenEcommerceWithAK8sPackage()
                .when(new SetEnvironmentDefaultCommand(ECOMM_KEY, ECOMM_STAGING, spark, sparkCluster, as(ERIC)))
                .expectEvents(new EnvironmentDefaultSet(ACME, ECOMM, ECOMM_STAGING, spark, sparkCluster, SI, null,
                        by(ERIC)));
    }

    @Test
    void aBuiltInTypeAnAdminMadeNotDefaultableIsRefused() {
        catalog.configured(AWS_VPC, false).with(new CatalogedResource(VPC, SI, AWS_VPC, false, true, Set.of(ECOMM)));
        givenEcommerceWithAK8sPackage()
                .when(new SetEnvironmentDefaultCommand(ECOMM_KEY, ECOMM_STAGING, AWS_VPC, VPC, as(ERIC)))
                .expectException(refusedAs(RefusalCode.TYPE_NOT_DEFAULTABLE))
                .expectNoEvents();
    }

    @Test
    void anotherProjectIsNotEnoughToConsumeWithoutAShareEvenForAnAdmin() {
        catalog.with(new CatalogedResource(EKS, ProjectId.of("peering"), CLUSTER, true, true, Set.of()));
        givenEcommerceWithAK8sPackage()
                .when(new SetRemoteReferenceCommand(ECOMM_KEY, ECOMM_STAGING, K8S, EKS, as(ADA)))
                .expectException(refusedAs(RefusalCode.NOT_SHARED))
                .expectNoEvents();
    }
}

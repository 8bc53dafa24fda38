package io.infrashare.command.project;

import io.infrashare.events.EnvironmentDefaultCleared;
import io.infrashare.events.EnvironmentDefaultSet;
import io.infrashare.events.PackageId;
import io.infrashare.events.RemoteReferenceAdded;
import io.infrashare.events.RemoteReferenceRemoved;
import org.junit.jupiter.api.Test;

import static io.infrashare.command.project.ProjectFixtures.*;

/** The consumer's side: defaults and remote references, set and released, and unknown ids. */
class ConsumptionTest extends ProjectScenario {

    @Test
    void anUnknownResourceIsNotFound() {
        givenEcommerceStaging()
                .when(setVpcDefault(VPC))
                .expectException(refusedAs(RefusalCode.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void aPackageReferencesASharedResourceInsteadOfBeingProvisioned() {
        catalog.with(sharedEks(EKS));
        givenEcommerceWithAK8sPackage()
                .when(new SetRemoteReferenceCommand(ECOMM_KEY, ECOMM_STAGING, K8S, EKS, as(ERIC)))
                .expectEvents(new RemoteReferenceAdded(ACME, ECOMM, ECOMM_STAGING, K8S, EKS, SI, null, by(ERIC)));
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
}

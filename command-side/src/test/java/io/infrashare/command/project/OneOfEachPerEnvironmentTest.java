package io.infrashare.command.project;

import io.infrashare.events.EnvironmentDefaultSet;
import io.infrashare.events.PackageId;
import io.infrashare.events.RemoteReferenceAdded;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceProvisioned;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.infrashare.command.project.ProjectFixtures.*;

/**
 * Rule 4 of docs/domain.md, one default per type, one reference per package, provisioned or referenced:
 * {@link OneOfEachPerEnvironment}.
 */
class OneOfEachPerEnvironmentTest extends ProjectScenario {

    @Test
    void aNewDefaultReplacesTheOldOneAndNamesIt() {
        catalog.with(siVpc(VPC, Set.of(ECOMM))).with(siVpc(EU_VPC, Set.of(ECOMM)));
        givenEcommerceStaging()
                .andGiven(new EnvironmentDefaultSet(ACME, ECOMM, ECOMM_STAGING, AWS_VPC, VPC, SI, null, by(ERIC)))
                .when(setVpcDefault(EU_VPC))
                .expectEvents(new EnvironmentDefaultSet(ACME, ECOMM, ECOMM_STAGING, AWS_VPC, EU_VPC, SI, VPC,
                        by(ERIC)));
    }

    @Test
    void settingTheSameDefaultAgainRecordsNothing() {
        catalog.with(siVpc(VPC, Set.of(ECOMM)));
        givenEcommerceStaging()
                .andGiven(new EnvironmentDefaultSet(ACME, ECOMM, ECOMM_STAGING, AWS_VPC, VPC, SI, null, by(ERIC)))
                .when(setVpcDefault(VPC))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
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
    void aPackageIsProvisionedOnlyOncePerEnvironment() {
        fixture.given(sharedInfraCreated(), environmentCreated(SI, SI_STAGING, OLIVIA), vpcPackageAdded(),
                        vpcProvisioned())
                .when(new ProvisionResourceCommand(SI_KEY, SI_STAGING, PackageId.of("vpc"),
                        ResourceId.of(UUID.randomUUID()), "Second VPC", Map.of(),
                        as(OLIVIA)))
                .expectException(refusedAs(RefusalCode.PACKAGE_ALREADY_PROVISIONED))
                .expectExceptionMessage("Package vpc is already provisioned in si-staging.")
                .expectNoEvents();
    }
}

package io.infrashare.command.project;

import io.infrashare.events.EnvironmentDefaultSet;
import io.infrashare.events.ProjectId;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static io.infrashare.command.project.ProjectFixtures.*;

/**
 * Rule 2 of docs/domain.md, only what is active and shared (or imported) is consumed:
 * {@link OnlyWhatIsActiveAndSharedIsConsumed}. Under concurrency: {@code ConsumptionRaceIT}.
 */
class OnlyWhatIsActiveAndSharedIsConsumedTest extends ProjectScenario {

    @Test
    void aResourceSharedWithTheProjectBecomesTheEnvironmentsDefault() {
        catalog.with(siVpc(VPC, Set.of(ECOMM)));
        givenEcommerceStaging()
                .when(setVpcDefault(VPC))
                .expectEvents(new EnvironmentDefaultSet(ACME, ECOMM, ECOMM_STAGING, AWS_VPC, VPC, SI, null,
                        by(ERIC)));
    }

    @Test
    void aDefaultIsRefusedBeforeTheShare() {
        catalog.with(siVpc(VPC, Set.of()));
        givenEcommerceStaging()
                .when(setVpcDefault(VPC))
                .expectException(refusedAs(RefusalCode.NOT_SHARED))
                .expectNoEvents();
    }

    @Test
    void aDecommissionedResourceCannotBecomeADefault() {
        catalog.with(new CatalogedResource(VPC, SI, AWS_VPC, false, false, Set.of(ECOMM)));
        givenEcommerceStaging()
                .when(setVpcDefault(VPC))
                .expectException(refusedAs(RefusalCode.RESOURCE_DECOMMISSIONED))
                .expectNoEvents();
    }

    @Test
    void aResourceProvisionedByAnotherEnvironmentOfTheSameProjectIsNotConsumedDirectly() {
        catalog.with(new CatalogedResource(VPC, ECOMM, AWS_VPC, false, true, Set.of()));
        givenEcommerceStaging()
                .when(setVpcDefault(VPC))
                .expectException(refusedAs(RefusalCode.SAME_PROJECT_RESOURCE))
                .expectNoEvents();
    }

    @Test
    void aResourceImportedIntoTheProjectMayBeADefaultWithoutAShare() {
        catalog.with(new CatalogedResource(VPC, ECOMM, AWS_VPC, true, true, Set.of()));
        givenEcommerceStaging()
                .when(setVpcDefault(VPC))
                .expectEvents(new EnvironmentDefaultSet(ACME, ECOMM, ECOMM_STAGING, AWS_VPC, VPC, ECOMM, null,
                        by(ERIC)));
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
    void anotherProjectIsNotEnoughToConsumeWithoutAShareEvenForAnAdmin() {
        catalog.with(new CatalogedResource(EKS, ProjectId.of("peering"), CLUSTER, true, true, Set.of()));
        givenEcommerceWithAK8sPackage()
                .when(new SetRemoteReferenceCommand(ECOMM_KEY, ECOMM_STAGING, K8S, EKS, as(ADA)))
                .expectException(refusedAs(RefusalCode.NOT_SHARED))
                .expectNoEvents();
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
}

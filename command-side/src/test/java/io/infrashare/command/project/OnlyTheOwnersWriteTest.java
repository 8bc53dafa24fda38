package io.infrashare.command.project;

import io.infrashare.events.ProjectCreated;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static io.infrashare.command.project.ProjectFixtures.*;

/** Rule 1 of docs/domain.md, only the owners write: {@link OnlyTheOwnersWrite}. */
class OnlyTheOwnersWriteTest extends ProjectScenario {

    @Test
    void nobodyCreatesAProjectForATeamTheyAreNotIn() {
        fixture.givenNoPriorActivity()
                .when(new CreateProjectCommand(SI_KEY, "Shared Infra", "ops", as(ERIC)))
                .expectException(refusedAs(RefusalCode.FORBIDDEN))
                .expectExceptionMessage("eric is neither in team ops nor an admin.")
                .expectNoEvents();
    }

    @Test
    void anAdminCreatesAProjectForAnyTeam() {
        fixture.givenNoPriorActivity()
                .when(new CreateProjectCommand(SI_KEY, "Shared Infra", "ops", as(ADA)))
                .expectEvents(new ProjectCreated(ACME, SI, "Shared Infra", "ops", by(ADA)));
    }

    @Test
    void onlyTheOwnerTeamAddsEnvironments() {
        fixture.given(sharedInfraCreated())
                .when(new CreateEnvironmentCommand(SI_KEY, "staging", "Staging", Map.of(), null, as(ERIC)))
                .expectException(refusedAs(RefusalCode.FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void aConsumerCannotReshareWhatItUses() {
        givenAProvisionedVpc()
                .when(new ShareResourceCommand(SI_KEY, VPC, ECOMM, as(ERIC)))
                .expectException(refusedAs(RefusalCode.FORBIDDEN))
                .expectExceptionMessage("eric is neither in team ops nor an admin.")
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
    void aConsumerCannotDecommissionWhatItUses() {
        givenAProvisionedVpc()
                .when(new DecommissionResourceCommand(SI_KEY, VPC, as(ERIC)))
                .expectException(refusedAs(RefusalCode.FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void onlyTheEnvironmentsTeamSetsItsDefaults() {
        catalog.with(siVpc(VPC, Set.of(ECOMM)));
        givenEcommerceStaging()
                .when(new SetEnvironmentDefaultCommand(ECOMM_KEY, ECOMM_STAGING, AWS_VPC, VPC, as(OLIVIA)))
                .expectException(refusedAs(RefusalCode.FORBIDDEN))
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
}

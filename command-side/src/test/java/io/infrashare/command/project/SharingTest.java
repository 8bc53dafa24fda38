package io.infrashare.command.project;

import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceShared;
import org.junit.jupiter.api.Test;

import static io.infrashare.command.project.ProjectFixtures.*;

/** Sharing a resource with another project. */
class SharingTest extends ProjectScenario {

    @Test
    void theOwningTeamSharesAResourceWithAnotherProject() {
        givenAProvisionedVpc()
                .when(new ShareResourceCommand(SI_KEY, VPC, ECOMM, as(OLIVIA)))
                .expectEvents(new ResourceShared(ACME, SI, VPC, ECOMM, by(OLIVIA)));
    }

    @Test
    void sharingAgainRecordsNothing() {
        givenAProvisionedVpc()
                .andGiven(new ResourceShared(ACME, SI, VPC, ECOMM, by(OLIVIA)))
                .when(new ShareResourceCommand(SI_KEY, VPC, ECOMM, as(OLIVIA)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void sharingWithTheOwningProjectIsRefused() {
        givenAProvisionedVpc()
                .when(new ShareResourceCommand(SI_KEY, VPC, SI, as(OLIVIA)))
                .expectException(refusedAs(RefusalCode.SHARE_WITH_OWNER))
                .expectNoEvents();
    }

    @Test
    void sharingWithAProjectThatDoesNotExistIsNotFound() {
        givenAProvisionedVpc()
                .when(new ShareResourceCommand(SI_KEY, VPC, ProjectId.of("nope"), as(OLIVIA)))
                .expectException(refusedAs(RefusalCode.NOT_FOUND))
                .expectExceptionMessage("Project nope does not exist.")
                .expectNoEvents();
    }

    @Test
    void anUnknownProjectIsNotFoundBeforeTheCallerIsJudged() {
        givenAProvisionedVpc()
                .when(new ShareResourceCommand(SI_KEY, VPC, ProjectId.of("nope"), as(ERIC)))
                .expectException(refusedAs(RefusalCode.NOT_FOUND))
                .expectExceptionMessage("Project nope does not exist.")
                .expectNoEvents();
    }
}

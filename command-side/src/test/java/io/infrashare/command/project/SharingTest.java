package io.infrashare.command.project;

import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceShared;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;

import static io.infrashare.command.project.ProjectFixtures.*;

class SharingTest {

    private final AggregateTestFixture<Project> fixture = fixture(new FakeCatalog());

    private TestExecutor<Project> givenAProvisionedVpc() {
        return fixture.given(sharedInfraCreated(), environmentCreated(SI, SI_STAGING, OLIVIA), vpcPackageAdded(),
                vpcProvisioned());
    }

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
    void aConsumerCannotReshareWhatItUses() {
        givenAProvisionedVpc()
                .when(new ShareResourceCommand(SI_KEY, VPC, ECOMM, as(ERIC)))
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("eric is neither in team ops nor an admin.")
                .expectNoEvents();
    }

    @Test
    void sharingWithTheOwningProjectIsRefused() {
        givenAProvisionedVpc()
                .when(new ShareResourceCommand(SI_KEY, VPC, SI, as(OLIVIA)))
                .expectException(CommandRefusedException.class)
                .expectNoEvents();
    }

    @Test
    void sharingWithAProjectThatDoesNotExistIsNotFound() {
        givenAProvisionedVpc()
                .when(new ShareResourceCommand(SI_KEY, VPC, ProjectId.of("nope"), as(OLIVIA)))
                .expectExceptionMessage("Project nope does not exist.")
                .expectNoEvents();
    }

    @Test
    void anUnknownProjectIsNotFoundBeforeTheCallerIsJudged() {
        givenAProvisionedVpc()
                .when(new ShareResourceCommand(SI_KEY, VPC, ProjectId.of("nope"), as(ERIC)))
                .expectExceptionMessage("Project nope does not exist.")
                .expectNoEvents();
    }
}

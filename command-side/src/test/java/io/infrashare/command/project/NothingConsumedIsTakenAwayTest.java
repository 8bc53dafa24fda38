package io.infrashare.command.project;

import io.infrashare.events.PackageId;
import io.infrashare.events.ResourceDecommissioned;
import io.infrashare.events.ResourceShareRevoked;
import io.infrashare.events.ResourceShared;
import org.junit.jupiter.api.Test;

import static io.infrashare.command.project.ProjectFixtures.*;
import static org.hamcrest.Matchers.allOf;

/**
 * Rule 5 of docs/domain.md, nothing consumed is taken away: {@link NothingConsumedIsTakenAway}. Under
 * concurrency: {@code ConsumptionRaceIT}.
 */
class NothingConsumedIsTakenAwayTest extends ProjectScenario {

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
}

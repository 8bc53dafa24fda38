package io.infrashare.command.project;

import io.infrashare.events.EnvironmentCreated;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectCreated;
import io.infrashare.events.Provenance;
import io.infrashare.events.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.infrashare.command.project.ProjectFixtures.*;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.equalTo;

/** Projects, their environments and packages, and provisioning; and the provenance every event carries (rule 7). */
class ProjectTest extends ProjectScenario {

    @Test
    void aMemberOfTheOwnerTeamCreatesTheProject() {
        fixture.givenNoPriorActivity()
                .when(new CreateProjectCommand(SI_KEY, "Shared Infra", "ops", as(OLIVIA)))
                .expectEvents(sharedInfraCreated());
    }

    @Test
    void everyEventNamesWhoCausedItWhenWhyAndInWhichRequest() {
        fixture.givenNoPriorActivity()
                .when(new CreateProjectCommand(SI_KEY, "Shared Infra", "ops",
                        new Requester(OLIVIA, "platform bootstrap", "req-42")))
                .expectEventsMatching(exactSequenceOf(
                        messageWithPayload(
                                equalTo(new ProjectCreated(ACME, SI, "Shared Infra", "ops",
                                        new Provenance("olivia", "platform bootstrap", NOW,
                                                "req-42"))))));
    }

    @Test
    void anEnvironmentIsNamedAfterItsProject() {
        fixture.given(sharedInfraCreated())
                .when(new CreateEnvironmentCommand(SI_KEY, "staging", "Staging", Map.of("tier", "staging"), null,
                        as(OLIVIA)))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(SI_STAGING)
                .expectEvents(new EnvironmentCreated(ACME, SI, SI_STAGING, "Staging", Map.of("tier", "staging"),
                        null, by(OLIVIA)));
    }

    @Test
    void anEnvironmentAbbreviationIsTakenOnlyOnce() {
        fixture.given(sharedInfraCreated(), environmentCreated(SI, SI_STAGING, OLIVIA))
                .when(new CreateEnvironmentCommand(SI_KEY, "staging", "Staging again", Map.of(), null, as(OLIVIA)))
                .expectException(refusedAs(RefusalCode.ALREADY_EXISTS))
                .expectExceptionMessage("Environment si-staging already exists.")
                .expectNoEvents();
    }

    @Test
    void aPackageNamesTheTypeOfResourceItProduces() {
        fixture.given(sharedInfraCreated())
                .when(new AddPackageCommand(SI_KEY, PackageId.of("vpc"), "aws-vpc", AWS_VPC, as(OLIVIA)))
                .expectEvents(vpcPackageAdded());
    }

    @Test
    void aPackageNameIsUniqueInItsProject() {
        fixture.given(sharedInfraCreated(), vpcPackageAdded())
                .when(new AddPackageCommand(SI_KEY, PackageId.of("vpc"), "gcp-vpc", ResourceType.of("gcp-vpc"),
                        as(OLIVIA)))
                .expectException(refusedAs(RefusalCode.ALREADY_EXISTS))
                .expectNoEvents();
    }

    @Test
    void provisioningRecordsAResourceOfThePackagesType() {
        fixture.given(sharedInfraCreated(), environmentCreated(SI, SI_STAGING, OLIVIA), vpcPackageAdded())
                .when(new ProvisionResourceCommand(SI_KEY, SI_STAGING, PackageId.of("vpc"), VPC, "US VPC",
                        Map.of("region", "us-east-1"), as(OLIVIA)))
                .expectEvents(vpcProvisioned())
                .expectResultMessagePayload(new ResourceDescription(VPC, AWS_VPC, "US VPC",
                        Map.of("region", "us-east-1"), true, SI, SI_STAGING, PackageId.of("vpc")));
    }

    @Test
    void provisioningAnUnknownPackageIsRefusedAsNotFound() {
        fixture.given(sharedInfraCreated(), environmentCreated(SI, SI_STAGING, OLIVIA))
                .when(new ProvisionResourceCommand(SI_KEY, SI_STAGING, PackageId.of("k8s"), VPC, "Cluster",
                        Map.of(), as(OLIVIA)))
                .expectException(refusedAs(RefusalCode.NOT_FOUND))
                .expectExceptionMessage("Package k8s of project si does not exist.")
                .expectNoEvents();
    }
}

package io.infrashare.command.project;

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
import io.infrashare.events.ResourceProvisioned;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.infrashare.command.project.ProjectFixtures.*;
import static org.hamcrest.Matchers.allOf;

/**
 * Rule 6 of docs/domain.md, tearing an environment down releases it in the same history:
 * {@link TeardownReleasesInTheSameHistory}.
 */
class TeardownReleasesInTheSameHistoryTest extends ProjectScenario {

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

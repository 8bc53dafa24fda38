package io.infrashare.command.project;

import io.infrashare.events.EnvironmentCreated;
import io.infrashare.events.EnvironmentDefaultSet;
import io.infrashare.events.PackageId;
import io.infrashare.events.RemoteReferenceAdded;
import io.infrashare.events.ResourceImported;
import io.infrashare.events.ResourceReconfigured;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static io.infrashare.command.project.ProjectFixtures.*;

/** The owner's side: imports, reconfiguration, revocation, decommissioning, and forks. */
class OwnerTest extends ProjectScenario {

    @Test
    void anImportedResourceBelongsToTheProjectWithoutAnEnvironment() {
        fixture.given(ecommerceCreated())
                .when(new ImportResourceCommand(ECOMM_KEY, LEGACY_DB, POSTGRES, "legacy db",
                        Map.of("engine", "postgres"), as(ERIC)))
                .expectEvents(new ResourceImported(ACME, ECOMM, LEGACY_DB, POSTGRES, "legacy db",
                        Map.of("engine", "postgres"), by(ERIC)))
                .expectResultMessagePayload(new ResourceDescription(LEGACY_DB, POSTGRES, "legacy db",
                        Map.of("engine", "postgres"), true, ECOMM, null, null));
    }

    @Test
    void reconfiguringMergesTheAttributesAndANullRemovesOne() {
        Map<String, Object> changes = new HashMap<>();
        changes.put("region", "eu-west-1");
        changes.put("cidr", "10.0.0.0/16");
        changes.put("missing", null);
        givenAProvisionedVpc()
                .when(new ReconfigureResourceCommand(SI_KEY, VPC, changes, as(OLIVIA)))
                .expectEvents(new ResourceReconfigured(ACME, SI, VPC,
                        Map.of("region", "eu-west-1", "cidr", "10.0.0.0/16"), Set.of(), by(OLIVIA)));
    }

    @Test
    void reconfiguringToWhatItAlreadyIsRecordsNothing() {
        givenAProvisionedVpc()
                .when(new ReconfigureResourceCommand(SI_KEY, VPC, Map.of("region", "us-east-1"), as(OLIVIA)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void revokingAShareThatDoesNotExistIsNotFound() {
        givenAProvisionedVpc()
                .when(new RevokeShareCommand(SI_KEY, VPC, ECOMM, as(OLIVIA)))
                .expectException(refusedAs(RefusalCode.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void aForkCopiesTheBaseEnvironmentsDefaultsAndReferencesEachAsItsOwnEvent() {
        catalog.with(new CatalogedResource(VPC, SI, AWS_VPC, false, true, Set.of(ECOMM)))
                .with(new CatalogedResource(EKS, SI, CLUSTER, false, true, Set.of(ECOMM)));
        fixture.given(ecommerceCreated(), environmentCreated(ECOMM, ECOMM_STAGING, ERIC),
                        k8sPackageAdded(ECOMM, ERIC),
                        new EnvironmentDefaultSet(ACME, ECOMM, ECOMM_STAGING, AWS_VPC, VPC, SI, null, by(ERIC)),
                        new RemoteReferenceAdded(ACME, ECOMM, ECOMM_STAGING, PackageId.of("k8s"), EKS, SI, null,
                                by(ERIC)))
                .when(new CreateEnvironmentCommand(ECOMM_KEY, "pr1", "PR 1", Map.of("tier", "preview"),
                        ECOMM_STAGING, as(ERIC)))
                .expectEvents(
                        new EnvironmentCreated(ACME, ECOMM, ECOMM_PREVIEW, "PR 1", Map.of("tier", "preview"),
                                ECOMM_STAGING, by(ERIC)),
                        new EnvironmentDefaultSet(ACME, ECOMM, ECOMM_PREVIEW, AWS_VPC, VPC, SI, null, by(ERIC)),
                        new RemoteReferenceAdded(ACME, ECOMM, ECOMM_PREVIEW, PackageId.of("k8s"), EKS, SI, null,
                                by(ERIC)));
    }
}

package io.infrashare.command.project;

import io.infrashare.events.EnvironmentDefaultSet;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceType;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static io.infrashare.command.project.ProjectFixtures.*;

class EnvironmentDefaultTest {

    private static final ResourceId EU_VPC = ResourceId.of(UUID.fromString("5b0c3c9e-0d7e-4f3b-9a61-2f1c4c7d8e02"));
    private static final ResourceType CLUSTER = ResourceType.of("kubernetes-cluster");

    private final FakeCatalog catalog = new FakeCatalog();
    private final AggregateTestFixture<Project> fixture = fixture(catalog);

    private static CatalogedResource siVpc(ResourceId id, Set<ProjectId> sharedWith) {
        return new CatalogedResource(id, SI, AWS_VPC, false, true, sharedWith);
    }

    private TestExecutor<Project> givenEcommerceStaging() {
        return fixture.given(ecommerceCreated(), environmentCreated(ECOMM, ECOMM_STAGING, ERIC));
    }

    private SetEnvironmentDefaultCommand setVpcDefault(ResourceId resource) {
        return new SetEnvironmentDefaultCommand(ECOMM_KEY, ECOMM_STAGING, AWS_VPC, resource, as(ERIC));
    }

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
                .expectException(CommandRefusedException.class)
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
    void aDefaultForATypeTakesAResourceOfThatType() {
        catalog.with(siVpc(VPC, Set.of(ECOMM)));
        givenEcommerceStaging()
                .when(new SetEnvironmentDefaultCommand(ECOMM_KEY, ECOMM_STAGING, CLUSTER, VPC, as(ERIC)))
                .expectException(refusedAs(RefusalCode.TYPE_MISMATCH))
                .expectNoEvents();
    }

    @Test
    void onlyDefaultableTypesAreEnvironmentDefaults() {
        ResourceType postgres = ResourceType.of("postgresql");
        catalog.with(new CatalogedResource(VPC, SI, postgres, false, true, Set.of(ECOMM)));
        givenEcommerceStaging()
                .when(new SetEnvironmentDefaultCommand(ECOMM_KEY, ECOMM_STAGING, postgres, VPC, as(ERIC)))
                .expectException(refusedAs(RefusalCode.TYPE_NOT_DEFAULTABLE))
                .expectNoEvents();
    }

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
    void onlyTheEnvironmentsTeamSetsItsDefaults() {
        catalog.with(siVpc(VPC, Set.of(ECOMM)));
        givenEcommerceStaging()
                .when(new SetEnvironmentDefaultCommand(ECOMM_KEY, ECOMM_STAGING, AWS_VPC, VPC, as(OLIVIA)))
                .expectException(refusedAs(RefusalCode.FORBIDDEN))
                .expectNoEvents();
    }

    @Test
    void anUnknownResourceIsNotFound() {
        givenEcommerceStaging()
                .when(setVpcDefault(VPC))
                .expectException(refusedAs(RefusalCode.NOT_FOUND))
                .expectNoEvents();
    }
}

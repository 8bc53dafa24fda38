package io.infrashare.command.project;

import io.infrashare.events.EnvironmentDefaultSet;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceType;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static io.infrashare.command.project.ProjectFixtures.*;

/** Rule 3 of docs/domain.md, types match: {@link TypesMatch}. */
class TypesMatchTest extends ProjectScenario {

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
    void aReferenceTakesAResourceOfThePackagesType() {
        catalog.with(new CatalogedResource(VPC, SI, AWS_VPC, false, true, Set.of(ECOMM)));
        givenEcommerceWithAK8sPackage()
                .when(new SetRemoteReferenceCommand(ECOMM_KEY, ECOMM_STAGING, K8S, VPC, as(ERIC)))
                .expectException(refusedAs(RefusalCode.TYPE_MISMATCH))
                .expectNoEvents();
    }

    @Test
    void aTypeAnAdminMadeDefaultableMayBeADefault() {
        ResourceType spark = ResourceType.of("spark-cluster");
        ResourceId sparkCluster = ResourceId.of(UUID.randomUUID());
        catalog.configured(spark, true)
                .with(new CatalogedResource(sparkCluster, SI, spark, false, true, Set.of(ECOMM)));
        givenEcommerceWithAK8sPackage()
                .when(new SetEnvironmentDefaultCommand(ECOMM_KEY, ECOMM_STAGING, spark, sparkCluster, as(ERIC)))
                .expectEvents(new EnvironmentDefaultSet(ACME, ECOMM, ECOMM_STAGING, spark, sparkCluster, SI, null,
                        by(ERIC)));
    }

    @Test
    void aBuiltInTypeAnAdminMadeNotDefaultableIsRefused() {
        catalog.configured(AWS_VPC, false).with(new CatalogedResource(VPC, SI, AWS_VPC, false, true, Set.of(ECOMM)));
        givenEcommerceWithAK8sPackage()
                .when(new SetEnvironmentDefaultCommand(ECOMM_KEY, ECOMM_STAGING, AWS_VPC, VPC, as(ERIC)))
                .expectException(refusedAs(RefusalCode.TYPE_NOT_DEFAULTABLE))
                .expectNoEvents();
    }
}

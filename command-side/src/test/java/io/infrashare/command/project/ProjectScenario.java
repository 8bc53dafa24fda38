package io.infrashare.command.project;

import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceType;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;

import java.util.Set;
import java.util.UUID;

import static io.infrashare.command.project.ProjectFixtures.*;

/**
 * What the tests of the project aggregate start from: a fixture with a fixed clock over an in-memory
 * catalog, and the givens they share.
 */
abstract class ProjectScenario {

    static final ResourceType POSTGRES = ResourceType.of("postgresql");
    static final ResourceId LEGACY_DB = ResourceId.of(UUID.fromString("3e4d5c6b-7a89-4b0c-8d1e-2f3a4b5c6d7e"));
    static final ResourceId EU_VPC = ResourceId.of(UUID.fromString("5b0c3c9e-0d7e-4f3b-9a61-2f1c4c7d8e02"));
    static final PackageId K8S = PackageId.of("k8s");
    static final ResourceId OTHER_EKS = ResourceId.of(UUID.fromString("1a2b3c4d-5e6f-4a0b-9c8d-7e6f5a4b3c2d"));

    final FakeCatalog catalog = new FakeCatalog();
    final AggregateTestFixture<Project> fixture = fixture(catalog);

    TestExecutor<Project> givenAProvisionedVpc() {
        return fixture.given(sharedInfraCreated(), environmentCreated(SI, SI_STAGING, OLIVIA), vpcPackageAdded(),
                vpcProvisioned());
    }

    TestExecutor<Project> givenEcommerceStaging() {
        return fixture.given(ecommerceCreated(), environmentCreated(ECOMM, ECOMM_STAGING, ERIC));
    }

    TestExecutor<Project> givenEcommerceWithAK8sPackage() {
        return fixture.given(ecommerceCreated(), environmentCreated(ECOMM, ECOMM_STAGING, ERIC),
                k8sPackageAdded(ECOMM, ERIC));
    }

    static CatalogedResource siVpc(ResourceId id, Set<ProjectId> sharedWith) {
        return new CatalogedResource(id, SI, AWS_VPC, false, true, sharedWith);
    }

    static CatalogedResource sharedEks(ResourceId id) {
        return new CatalogedResource(id, SI, CLUSTER, false, true, Set.of(ECOMM));
    }

    SetEnvironmentDefaultCommand setVpcDefault(ResourceId resource) {
        return new SetEnvironmentDefaultCommand(ECOMM_KEY, ECOMM_STAGING, AWS_VPC, resource, as(ERIC));
    }
}

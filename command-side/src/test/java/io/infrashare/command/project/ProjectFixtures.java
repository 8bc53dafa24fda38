package io.infrashare.command.project;

import io.infrashare.events.EnvironmentCreated;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.PackageAdded;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectCreated;
import io.infrashare.events.ProjectId;
import io.infrashare.events.Provenance;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceProvisioned;
import io.infrashare.events.ResourceType;
import io.infrashare.support.Caller;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;

/** The seed scenario's cast and a fixture with a fixed clock and an in-memory catalog. */
final class ProjectFixtures {

    static final OrganizationId ACME = OrganizationId.of("acme");
    static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123456Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String CORRELATION = "corr-1";

    static final ProjectId SI = ProjectId.of("si");
    static final ProjectId ECOMM = ProjectId.of("ecomm");
    static final ProjectKey SI_KEY = ProjectKey.of(ACME, SI);
    static final ProjectKey ECOMM_KEY = ProjectKey.of(ACME, ECOMM);
    static final EnvironmentId SI_STAGING = EnvironmentId.of("si-staging");
    static final EnvironmentId ECOMM_STAGING = EnvironmentId.of("ecomm-staging");
    static final ResourceType AWS_VPC = ResourceType.of("aws-vpc");
    static final ResourceId VPC = ResourceId.of(UUID.fromString("0f7e1f0e-8a55-4c43-a1a5-1d3f5e2b9c01"));

    static final Caller OLIVIA = new Caller(ACME, "olivia", Set.of("ops"), Set.of());
    static final Caller ERIC = new Caller(ACME, "eric", Set.of("ecommerce"), Set.of());
    static final Caller ADA = new Caller(ACME, "ada", Set.of(), Set.of(Caller.ADMIN));

    private ProjectFixtures() {
    }

    static Requester as(Caller caller) {
        return new Requester(caller, null, CORRELATION);
    }

    static Provenance by(Caller caller) {
        return new Provenance(caller.name(), null, NOW, CORRELATION);
    }

    /** Matches a refusal by its code, the part of it clients program against. */
    static Matcher<CommandRefusedException> refusedAs(RefusalCode code) {
        return new FeatureMatcher<>(equalTo(code), "refused as", "code") {
            @Override
            protected RefusalCode featureValueOf(CommandRefusedException refusal) {
                return refusal.code();
            }
        };
    }

    /** Matches a refusal by the consumers it lists. */
    static Matcher<CommandRefusedException> listing(Consumer... consumers) {
        return new FeatureMatcher<>(equalTo(List.of(consumers)), "listing", "consumers") {
            @Override
            protected List<Consumer> featureValueOf(CommandRefusedException refusal) {
                return refusal.consumers();
            }
        };
    }

    static AggregateTestFixture<Project> fixture(FakeCatalog catalog) {
        AggregateTestFixture<Project> fixture = new AggregateTestFixture<>(Project.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(catalog);
        return fixture;
    }

    static ProjectCreated sharedInfraCreated() {
        return new ProjectCreated(ACME, SI, "Shared Infra", "ops", by(OLIVIA));
    }

    static ProjectCreated ecommerceCreated() {
        return new ProjectCreated(ACME, ECOMM, "ECommerce API", "ecommerce", by(ERIC));
    }

    static EnvironmentCreated environmentCreated(ProjectId project, EnvironmentId environment, Caller caller) {
        return new EnvironmentCreated(ACME, project, environment, "Staging", Map.of(), null, by(caller));
    }

    static PackageAdded vpcPackageAdded() {
        return new PackageAdded(ACME, SI, PackageId.of("vpc"), "aws-vpc", AWS_VPC, by(OLIVIA));
    }

    static ResourceProvisioned vpcProvisioned() {
        return new ResourceProvisioned(ACME, SI, VPC, SI_STAGING, PackageId.of("vpc"), AWS_VPC, "US VPC",
                Map.of("region", "us-east-1"), by(OLIVIA));
    }

    static final EnvironmentId ECOMM_PREVIEW = EnvironmentId.of("ecomm-pr1");
    static final ResourceType CLUSTER = ResourceType.of("kubernetes-cluster");
    static final ResourceId EKS = ResourceId.of(UUID.fromString("9d2f4a1b-3c5e-4f60-8a7b-6c5d4e3f2a10"));

    static PackageAdded k8sPackageAdded(ProjectId project, Caller caller) {
        return new PackageAdded(ACME, project, PackageId.of("k8s"), "aws-eks-cluster", CLUSTER, by(caller));
    }

    static Consumer defaultConsumer(EnvironmentId environment) {
        return new Consumer(environment, environment.project(), Consumer.DEFAULT, null);
    }

    /** The catalog as other projects' events would have left it. */
    static final class FakeCatalog implements ResourceCatalog {

        private final Set<ProjectId> projects = new HashSet<>(Set.of(SI, ECOMM));
        private final Map<ResourceId, CatalogedResource> resources = new HashMap<>();
        private final Map<ResourceId, List<Consumer>> consumers = new HashMap<>();
        private final Map<ResourceType, Boolean> types = new HashMap<>();

        FakeCatalog with(CatalogedResource resource) {
            resources.put(resource.id(), resource);
            return this;
        }

        FakeCatalog consumedBy(ResourceId resource, Consumer... consumer) {
            consumers.put(resource, List.of(consumer));
            return this;
        }

        FakeCatalog configured(ResourceType type, boolean defaultable) {
            types.put(type, defaultable);
            return this;
        }

        @Override
        public Optional<CatalogedResource> lockForUse(OrganizationId organization, ResourceId resource) {
            return resource(organization, resource);
        }

        @Override
        public List<Consumer> lockForRemoval(OrganizationId organization, ResourceId resource) {
            return consumers.getOrDefault(resource, List.of());
        }

        @Override
        public boolean defaultable(OrganizationId organization, ResourceType type) {
            return types.getOrDefault(type, DefaultableTypes.isBuiltIn(type));
        }

        @Override
        public boolean projectExists(OrganizationId organization, ProjectId project) {
            return ACME.equals(organization) && projects.contains(project);
        }

        @Override
        public Optional<CatalogedResource> resource(OrganizationId organization, ResourceId resource) {
            return ACME.equals(organization) ? Optional.ofNullable(resources.get(resource)) : Optional.empty();
        }
    }
}

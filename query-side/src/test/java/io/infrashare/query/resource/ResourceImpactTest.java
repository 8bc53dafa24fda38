package io.infrashare.query.resource;

import io.infrashare.events.EnvironmentCreated;
import io.infrashare.events.EnvironmentDefaultCleared;
import io.infrashare.events.EnvironmentDefaultSet;
import io.infrashare.events.EnvironmentDeleted;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.PackageAdded;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectCreated;
import io.infrashare.events.ProjectId;
import io.infrashare.events.RemoteReferenceAdded;
import io.infrashare.events.RemoteReferenceRemoved;
import io.infrashare.events.ResourceDecommissioned;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceImported;
import io.infrashare.events.ResourceProvisioned;
import io.infrashare.events.ResourceShared;
import io.infrashare.events.ResourceType;
import io.infrashare.query.ProjectorFeed;
import io.infrashare.query.ingest.Projector;
import io.infrashare.testing.WithPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.infrashare.query.AcmeStory.ACME;
import static io.infrashare.query.AcmeStory.AWS_VPC;
import static io.infrashare.query.AcmeStory.ECOMM;
import static io.infrashare.query.AcmeStory.ECOMM_STAGING;
import static io.infrashare.query.AcmeStory.EU_VPC;
import static io.infrashare.query.AcmeStory.SI;
import static io.infrashare.query.AcmeStory.US_VPC;
import static io.infrashare.query.AcmeStory.by;
import static io.infrashare.query.AcmeStory.ericSetsTheDefaultVpc;
import static io.infrashare.query.AcmeStory.opsSharesTheUsVpcWithEcommerce;
import static io.infrashare.query.AcmeStory.second;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The impact of the shared VPC over the projector's read models: ecomm's staging takes it as its default network and
 * provisions a Kubernetes cluster in it, which ecomm shares with the web team; web's staging takes the cluster as its
 * default and web's preview references it, so both depend on the VPC at depth 2. Analytics takes the VPC directly.
 */
@SpringBootTest(properties = {
        "spring.flyway.clean-disabled=false",
        "spring.kafka.listener.auto-startup=false"})
@WithPostgres
@AutoConfigureMockMvc
class ResourceImpactTest {

    static final ProjectId WEB = ProjectId.of("web");
    static final ProjectId ANALYTICS = ProjectId.of("analytics");
    static final EnvironmentId WEB_STAGING = EnvironmentId.of(WEB, "staging");
    static final EnvironmentId WEB_PR7 = EnvironmentId.of(WEB, "pr7");
    static final EnvironmentId ANALYTICS_PROD = EnvironmentId.of(ANALYTICS, "prod");
    static final PackageId K8S = PackageId.of("k8s");
    static final PackageId QUEUE = PackageId.of("queue");
    static final ResourceType KUBERNETES_CLUSTER = ResourceType.of("kubernetes-cluster");
    static final ResourceType SQS_QUEUE = ResourceType.of("aws-sqs-queue");
    static final ResourceId CLUSTER = ResourceId.of(UUID.fromString("0c6d2a3e-7b1f-4f0e-9a2d-4e5f6a7b8c91"));
    static final ResourceId WEB_QUEUE = ResourceId.of(UUID.fromString("5e4d3c2b-1a09-4f8e-8d7c-6b5a4f3e2d1c"));

    @Autowired
    MockMvc http;
    @Autowired
    Projector projector;
    @Autowired
    Flyway flyway;

    private ProjectorFeed events;

    @BeforeEach
    void theVpcReachesWebThroughEcommsCluster() {
        events = ProjectorFeed.intoEmptyReadModels(flyway, projector);
        events.apply(opsSharesTheUsVpcWithEcommerce());
        events.apply(ericSetsTheDefaultVpc(US_VPC, null, 7),
                new PackageAdded(ACME, ECOMM, K8S, "aws-eks-cluster", KUBERNETES_CLUSTER, by("eric", 8)),
                new ResourceProvisioned(ACME, ECOMM, CLUSTER, ECOMM_STAGING, K8S, KUBERNETES_CLUSTER, "Staging EKS",
                        Map.of("version", "1.31"), by("eric", 9)),
                new ProjectCreated(ACME, WEB, "Web Shop", "web", by("wendy", 10)),
                new EnvironmentCreated(ACME, WEB, WEB_STAGING, "Staging", Map.of(), null, by("wendy", 11)),
                new EnvironmentCreated(ACME, WEB, WEB_PR7, "PR 7", Map.of("tier", "preview"), null, by("wendy", 12)),
                new PackageAdded(ACME, WEB, K8S, "aws-eks-cluster", KUBERNETES_CLUSTER, by("wendy", 13)),
                new ResourceShared(ACME, ECOMM, CLUSTER, WEB, by("eric", 14)),
                new EnvironmentDefaultSet(ACME, WEB, WEB_STAGING, KUBERNETES_CLUSTER, CLUSTER, ECOMM, null,
                        by("wendy", 15)),
                new RemoteReferenceAdded(ACME, WEB, WEB_PR7, K8S, CLUSTER, ECOMM, null, by("wendy", 16)),
                new ProjectCreated(ACME, ANALYTICS, "Analytics", "data", by("dana", 17)),
                new EnvironmentCreated(ACME, ANALYTICS, ANALYTICS_PROD, "Production", Map.of(), null,
                        by("dana", 18)),
                new ResourceShared(ACME, SI, US_VPC, ANALYTICS, by("olivia", 19)),
                new EnvironmentDefaultSet(ACME, ANALYTICS, ANALYTICS_PROD, AWS_VPC, US_VPC, SI, null,
                        by("dana", 20)));
    }

    @Test
    void theVpcReachesItsConsumersAtDepthOneAndTheClustersAtDepthTwoSortedByDepthThenEnvironment()
            throws Exception {
        impact(US_VPC, "dev-ecomm")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "21"))
                .andExpect(jsonPath("$.resource.id").value(US_VPC.toString()))
                .andExpect(jsonPath("$.resource.name").value("US VPC"))
                .andExpect(jsonPath("$.asOf").exists())
                .andExpect(jsonPath("$.affected", hasSize(4)))
                .andExpect(jsonPath("$.affected[0].environment").value("analytics-prod"))
                .andExpect(jsonPath("$.affected[0].project").value("analytics"))
                .andExpect(jsonPath("$.affected[0].via").value("default"))
                .andExpect(jsonPath("$.affected[0].package").value(nullValue()))
                .andExpect(jsonPath("$.affected[0].depth").value(1))
                .andExpect(jsonPath("$.affected[0].through").value(US_VPC.toString()))
                .andExpect(jsonPath("$.affected[1].environment").value("ecomm-staging"))
                .andExpect(jsonPath("$.affected[1].depth").value(1))
                .andExpect(jsonPath("$.affected[1].through").value(US_VPC.toString()))
                .andExpect(jsonPath("$.affected[2].environment").value("web-pr7"))
                .andExpect(jsonPath("$.affected[2].project").value("web"))
                .andExpect(jsonPath("$.affected[2].via").value("remote-reference"))
                .andExpect(jsonPath("$.affected[2].package").value("k8s"))
                .andExpect(jsonPath("$.affected[2].depth").value(2))
                .andExpect(jsonPath("$.affected[2].through").value(CLUSTER.toString()))
                .andExpect(jsonPath("$.affected[3].environment").value("web-staging"))
                .andExpect(jsonPath("$.affected[3].via").value("default"))
                .andExpect(jsonPath("$.affected[3].depth").value(2))
                .andExpect(jsonPath("$.affected[3].through").value(CLUSTER.toString()));
    }

    @Test
    void theClusterReachesOnlyItsOwnConsumersAndAResourceNobodyConsumesReachesNothing() throws Exception {
        impact(CLUSTER, "dev-ops")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.affected", hasSize(2)))
                .andExpect(jsonPath("$.affected[0].environment").value("web-pr7"))
                .andExpect(jsonPath("$.affected[0].depth").value(1))
                .andExpect(jsonPath("$.affected[0].through").value(CLUSTER.toString()))
                .andExpect(jsonPath("$.affected[1].environment").value("web-staging"));

        events.apply(new ResourceImported(ACME, SI, EU_VPC, AWS_VPC, "EU VPC", Map.of(), by("olivia", 21)));
        impact(EU_VPC, "dev-ops")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.affected", hasSize(0)));
    }

    @Test
    void aTeardownAndADecommissioningLeaveTheImpactButNotTheImpactAsItWasBefore() throws Exception {
        Instant before = second(20);
        events.apply(new RemoteReferenceRemoved(ACME, WEB, WEB_PR7, K8S, CLUSTER, by("wendy", 21)),
                new EnvironmentDeleted(ACME, WEB, WEB_PR7, by("wendy", 21)),
                new EnvironmentDefaultCleared(ACME, WEB, WEB_STAGING, KUBERNETES_CLUSTER, CLUSTER, by("wendy", 22)),
                new ResourceDecommissioned(ACME, ECOMM, CLUSTER, ECOMM_STAGING, by("eric", 23)));

        impact(US_VPC, "dev-ecomm")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "25"))
                .andExpect(jsonPath("$.affected", hasSize(2)))
                .andExpect(jsonPath("$.affected[0].environment").value("analytics-prod"))
                .andExpect(jsonPath("$.affected[1].environment").value("ecomm-staging"));
        impact(CLUSTER, "dev-ecomm")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.resource.status").value("decommissioned"))
                .andExpect(jsonPath("$.affected", hasSize(0)));

        impact(US_VPC, before, "dev-ecomm")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "21"))
                .andExpect(jsonPath("$.asOf").value(before.toString()))
                .andExpect(jsonPath("$.affected", hasSize(4)))
                .andExpect(jsonPath("$.affected[2].environment").value("web-pr7"))
                .andExpect(jsonPath("$.affected[2].depth").value(2))
                .andExpect(jsonPath("$.affected[3].environment").value("web-staging"));
        // once web's preview is torn down, and before the cluster is decommissioned
        impact(US_VPC, second(21), "dev-ecomm")
                .andExpect(header().string("X-Projection-Position", "23"))
                .andExpect(jsonPath("$.affected", hasSize(3)))
                .andExpect(jsonPath("$.affected[2].environment").value("web-staging"));
        impact(CLUSTER, second(22).minus(1, ChronoUnit.MICROS), "dev-ecomm")
                .andExpect(jsonPath("$.resource.status").value("active"))
                .andExpect(jsonPath("$.affected", hasSize(1)))
                .andExpect(jsonPath("$.affected[0].environment").value("web-staging"));
    }

    @Test
    void anImpactAsOfAnInstantBeforeTheResourceExistedIsNotFound() throws Exception {
        impact(CLUSTER, second(9).minus(1, ChronoUnit.MICROS), "dev-ops")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
        impact(CLUSTER, second(9), "dev-ops")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "10"))
                .andExpect(jsonPath("$.affected", hasSize(0)));
    }

    /** The rules let two projects consume each other's resources; the walk still ends. */
    @Test
    void resourcesThatConsumeEachOtherAreFollowedOnce() throws Exception {
        events.apply(new PackageAdded(ACME, WEB, QUEUE, "aws-sqs", SQS_QUEUE, by("wendy", 21)),
                new ResourceProvisioned(ACME, WEB, WEB_QUEUE, WEB_STAGING, QUEUE, SQS_QUEUE, "Orders queue",
                        Map.of(), by("wendy", 22)),
                new ResourceShared(ACME, WEB, WEB_QUEUE, ECOMM, by("wendy", 23)),
                new PackageAdded(ACME, ECOMM, QUEUE, "aws-sqs", SQS_QUEUE, by("eric", 24)),
                new RemoteReferenceAdded(ACME, ECOMM, ECOMM_STAGING, QUEUE, WEB_QUEUE, WEB, null, by("eric", 25)));

        impact(CLUSTER, "dev-ops")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.affected", hasSize(3)))
                .andExpect(jsonPath("$.affected[0].environment").value("web-pr7"))
                .andExpect(jsonPath("$.affected[1].environment").value("web-staging"))
                .andExpect(jsonPath("$.affected[2].environment").value("ecomm-staging"))
                .andExpect(jsonPath("$.affected[2].via").value("remote-reference"))
                .andExpect(jsonPath("$.affected[2].package").value("queue"))
                .andExpect(jsonPath("$.affected[2].depth").value(2))
                .andExpect(jsonPath("$.affected[2].through").value(WEB_QUEUE.toString()));
    }

    @Test
    void anotherOrganizationsResourceIsNotFoundLikeOneThatDoesNotExist() throws Exception {
        for (ResourceId resource : List.of(US_VPC, EU_VPC)) {
            impact(resource, "dev-globex")
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("/problems/not-found"))
                    .andExpect(jsonPath("$.detail").value("There is no resource '" + resource + "'."));
        }
        impact(EU_VPC, "dev-ops").andExpect(status().isNotFound());
        impact(US_VPC, second(30), "dev-globex").andExpect(status().isNotFound());
    }

    @Test
    void aMalformedIdOrInstantIsABadRequest() throws Exception {
        ask(MockMvcRequestBuilders.get("/resources/{id}/impact", "us-vpc"), "dev-ops")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        for (String at : List.of("yesterday", "2026-11-23T10:15:30", "+10000-01-01T00:00:00Z")) {
            ask(MockMvcRequestBuilders.get("/resources/{id}/impact", US_VPC.toString()).param("at", at), "dev-ops")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                    .andExpect(jsonPath("$.errors[0].field").value("at"));
        }
    }

    private ResultActions impact(ResourceId resource, String token) throws Exception {
        return ask(MockMvcRequestBuilders.get("/resources/{id}/impact", resource.toString()), token);
    }

    private ResultActions impact(ResourceId resource, Instant at, String token) throws Exception {
        return ask(MockMvcRequestBuilders.get("/resources/{id}/impact", resource.toString())
                .param("at", at.toString()), token);
    }

    private ResultActions ask(MockHttpServletRequestBuilder request, String token) throws Exception {
        return http.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }
}

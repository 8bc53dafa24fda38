package io.infrashare.query.consumption;

import io.infrashare.events.EnvironmentCreated;
import io.infrashare.events.EnvironmentDefaultSet;
import io.infrashare.events.EnvironmentDeleted;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.PackageAdded;
import io.infrashare.events.PackageId;
import io.infrashare.events.ResourceDecommissioned;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceProvisioned;
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
import static io.infrashare.query.AcmeStory.EU_VPC;
import static io.infrashare.query.AcmeStory.SI;
import static io.infrashare.query.AcmeStory.US_VPC;
import static io.infrashare.query.AcmeStory.VPC;
import static io.infrashare.query.AcmeStory.by;
import static io.infrashare.query.AcmeStory.ecommAddsAVpcPackage;
import static io.infrashare.query.AcmeStory.ericReferencesTheVpc;
import static io.infrashare.query.AcmeStory.ericSetsTheDefaultVpc;
import static io.infrashare.query.AcmeStory.opsSharesTheEuVpcWithEcommerce;
import static io.infrashare.query.AcmeStory.opsSharesTheUsVpcWithEcommerce;
import static io.infrashare.query.AcmeStory.second;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What ecomm's vpc and k8s packages resolve to over the projector's read models. In staging the vpc package is a
 * remote reference to the US VPC over the default EU VPC; production provisions a VPC of its own over the default US
 * VPC, until that VPC is decommissioned; nothing holds a cluster anywhere.
 */
@SpringBootTest(properties = {
        "spring.flyway.clean-disabled=false",
        "spring.kafka.listener.auto-startup=false"})
@WithPostgres
@AutoConfigureMockMvc
class PackageResolutionTest {

    static final EnvironmentId ECOMM_PROD = EnvironmentId.of(ECOMM, "prod");
    static final EnvironmentId ECOMM_PR1 = EnvironmentId.of(ECOMM, "pr1");
    static final PackageId K8S = PackageId.of("k8s");
    static final ResourceId PROD_VPC = ResourceId.of(UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"));

    @Autowired
    MockMvc http;
    @Autowired
    Projector projector;
    @Autowired
    Flyway flyway;

    private ProjectorFeed events;

    @BeforeEach
    void ecommsEnvironmentsTakeTheirVpcsEachItsOwnWay() {
        events = ProjectorFeed.intoEmptyReadModels(flyway, projector);
        events.apply(opsSharesTheUsVpcWithEcommerce());
        events.apply(opsSharesTheEuVpcWithEcommerce(7));
        events.apply(ericSetsTheDefaultVpc(EU_VPC, null, 9),
                ecommAddsAVpcPackage(10),
                ericReferencesTheVpc(US_VPC, null, 11),
                new PackageAdded(ACME, ECOMM, K8S, "aws-eks-cluster", ResourceType.of("kubernetes-cluster"),
                        by("eric", 12)),
                new EnvironmentCreated(ACME, ECOMM, ECOMM_PROD, "Production", Map.of(), null, by("eric", 13)),
                new EnvironmentDefaultSet(ACME, ECOMM, ECOMM_PROD, AWS_VPC, US_VPC, SI, null, by("eric", 14)),
                new ResourceProvisioned(ACME, ECOMM, PROD_VPC, ECOMM_PROD, VPC, AWS_VPC, "Production VPC",
                        Map.of("region", "us-east-1"), by("eric", 15)));
    }

    @Test
    void aRemoteReferenceWinsOverTheDefaultAndSaysItHidesIt() throws Exception {
        resolution("ecomm-staging", "vpc")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "16"))
                .andExpect(jsonPath("$.environment").value("ecomm-staging"))
                .andExpect(jsonPath("$.package").value("vpc"))
                .andExpect(jsonPath("$.type").value("aws-vpc"))
                .andExpect(jsonPath("$.asOf").exists())
                .andExpect(jsonPath("$.source").value("remote-reference"))
                .andExpect(jsonPath("$.resource.id").value(US_VPC.toString()))
                .andExpect(jsonPath("$.resource.name").value("US VPC"))
                .andExpect(jsonPath("$.resource.owner.project").value("si"))
                .andExpect(jsonPath("$.overrides", hasSize(1)))
                .andExpect(jsonPath("$.overrides[0].source").value("default"))
                .andExpect(jsonPath("$.overrides[0].resource.id").value(EU_VPC.toString()));
    }

    @Test
    void aProvisionedPackageWinsOverTheDefault() throws Exception {
        resolution("ecomm-prod", "vpc")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("provisioned"))
                .andExpect(jsonPath("$.resource.id").value(PROD_VPC.toString()))
                .andExpect(jsonPath("$.resource.owner.environment").value("ecomm-prod"))
                .andExpect(jsonPath("$.overrides", hasSize(1)))
                .andExpect(jsonPath("$.overrides[0].source").value("default"))
                .andExpect(jsonPath("$.overrides[0].resource.id").value(US_VPC.toString()));
    }

    @Test
    void onceWhatWasProvisionedIsDecommissionedTheDefaultResolvesThePackage() throws Exception {
        events.apply(new ResourceDecommissioned(ACME, ECOMM, PROD_VPC, ECOMM_PROD, by("eric", 16)));

        resolution("ecomm-prod", "vpc")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "17"))
                .andExpect(jsonPath("$.source").value("default"))
                .andExpect(jsonPath("$.resource.id").value(US_VPC.toString()))
                .andExpect(jsonPath("$.overrides", hasSize(0)));
        resolution("ecomm-prod", "vpc", second(16).minus(1, ChronoUnit.MICROS))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "16"))
                .andExpect(jsonPath("$.source").value("provisioned"))
                .andExpect(jsonPath("$.resource.id").value(PROD_VPC.toString()))
                .andExpect(jsonPath("$.resource.status").value("active"));
    }

    @Test
    void aPackageThatNothingHoldsResolvesToNone() throws Exception {
        resolution("ecomm-staging", "k8s")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("kubernetes-cluster"))
                .andExpect(jsonPath("$.source").value("none"))
                .andExpect(jsonPath("$.resource").value(nullValue()))
                .andExpect(jsonPath("$.overrides", hasSize(0)));
    }

    @Test
    void atAnInstantThePackageResolvesAsItDidThen() throws Exception {
        Instant beforeTheReference = second(11).minus(1, ChronoUnit.MICROS);
        resolution("ecomm-staging", "vpc", beforeTheReference)
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "11"))
                .andExpect(jsonPath("$.asOf").value(beforeTheReference.toString()))
                .andExpect(jsonPath("$.source").value("default"))
                .andExpect(jsonPath("$.resource.id").value(EU_VPC.toString()))
                .andExpect(jsonPath("$.overrides", hasSize(0)));
        resolution("ecomm-staging", "vpc", second(11))
                .andExpect(header().string("X-Projection-Position", "12"))
                .andExpect(jsonPath("$.source").value("remote-reference"));
        resolution("ecomm-prod", "vpc", second(14))
                .andExpect(jsonPath("$.source").value("default"))
                .andExpect(jsonPath("$.resource.id").value(US_VPC.toString()));
        resolution("ecomm-prod", "vpc", second(13))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("none"));
    }

    @Test
    void atAnInstantBeforeTheEnvironmentOrThePackageExistedItIsNotFound() throws Exception {
        resolution("ecomm-prod", "vpc", second(13).minus(1, ChronoUnit.MICROS))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("There is no environment 'ecomm-prod'."));
        resolution("ecomm-staging", "vpc", second(10).minus(1, ChronoUnit.MICROS))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"))
                .andExpect(jsonPath("$.detail").value("Project 'ecomm' has no package 'vpc'."));
        resolution("ecomm-staging", "vpc", second(10))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("default"));
    }

    @Test
    void aDeletedEnvironmentIsNotFoundFromItsDeletionAndResolvesAsItDidBefore() throws Exception {
        events.apply(new EnvironmentCreated(ACME, ECOMM, ECOMM_PR1, "PR 1", Map.of("tier", "preview"), null,
                        by("eric", 16)),
                new EnvironmentDefaultSet(ACME, ECOMM, ECOMM_PR1, AWS_VPC, EU_VPC, SI, null, by("eric", 17)),
                new EnvironmentDeleted(ACME, ECOMM, ECOMM_PR1, by("eric", 18)));

        resolution("ecomm-pr1", "vpc")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.deletedAt").value(second(18).toString()));
        resolution("ecomm-pr1", "vpc", second(18))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.deletedAt").value(second(18).toString()));
        resolution("ecomm-pr1", "vpc", second(17))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("default"))
                .andExpect(jsonPath("$.resource.id").value(EU_VPC.toString()));
    }

    @Test
    void anUnknownEnvironmentOrPackageIsNotFoundAndSoIsAnotherOrganizations() throws Exception {
        resolution("ecomm-qa", "vpc")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/not-found"))
                .andExpect(jsonPath("$.detail").value("There is no environment 'ecomm-qa'."));
        resolution("ecomm-staging", "db")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"))
                .andExpect(jsonPath("$.detail").value("Project 'ecomm' has no package 'db'."));
        ask(MockMvcRequestBuilders.get("/environments/{env}/packages/{package}/resolution", "ecomm-staging", "vpc"),
                "dev-globex")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("There is no environment 'ecomm-staging'."));
    }

    @Test
    void aMalformedEnvironmentPackageOrInstantIsABadRequest() throws Exception {
        resolution("staging", "vpc")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("environment"));
        resolution("ecomm-staging", "Vpc")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("package"));
        for (String at : List.of("yesterday", "2026-11-23T10:15:30", "-0001-12-31T23:59:59Z")) {
            ask(MockMvcRequestBuilders.get("/environments/{env}/packages/{package}/resolution", "ecomm-staging",
                    "vpc").param("at", at), "dev-ecomm")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                    .andExpect(jsonPath("$.errors[0].field").value("at"));
        }
    }

    private ResultActions resolution(String environment, String pkg) throws Exception {
        return ask(MockMvcRequestBuilders.get("/environments/{env}/packages/{package}/resolution", environment, pkg),
                "dev-ops");
    }

    private ResultActions resolution(String environment, String pkg, Instant at) throws Exception {
        return ask(MockMvcRequestBuilders.get("/environments/{env}/packages/{package}/resolution", environment, pkg)
                .param("at", at.toString()), "dev-ops");
    }

    private ResultActions ask(MockHttpServletRequestBuilder request, String token) throws Exception {
        return http.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }
}

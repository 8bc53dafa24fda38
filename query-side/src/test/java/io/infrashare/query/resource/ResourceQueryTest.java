package io.infrashare.query.resource;

import io.infrashare.events.EnvironmentDefaultCleared;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.RemoteReferenceRemoved;
import io.infrashare.events.ResourceShareRevoked;
import io.infrashare.query.ingest.IncomingEvent;
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
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.util.List;

import static io.infrashare.query.AcmeStory.ACME;
import static io.infrashare.query.AcmeStory.AWS_VPC;
import static io.infrashare.query.AcmeStory.DEPLOYER_ROLE;
import static io.infrashare.query.AcmeStory.ECOMM;
import static io.infrashare.query.AcmeStory.ECOMM_STAGING;
import static io.infrashare.query.AcmeStory.EU_VPC;
import static io.infrashare.query.AcmeStory.SI;
import static io.infrashare.query.AcmeStory.US_VPC;
import static io.infrashare.query.AcmeStory.VPC;
import static io.infrashare.query.AcmeStory.by;
import static io.infrashare.query.AcmeStory.ecommAddsAVpcPackage;
import static io.infrashare.query.AcmeStory.ericImportsTheDeployerRole;
import static io.infrashare.query.AcmeStory.ericReferencesTheVpc;
import static io.infrashare.query.AcmeStory.ericSetsTheDefaultVpc;
import static io.infrashare.query.AcmeStory.everyKindOfEvent;
import static io.infrashare.query.AcmeStory.opsSharesTheUsVpcWithEcommerce;
import static io.infrashare.query.AcmeStory.second;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Events fed to the projector, then a resource and its consumers asked over HTTP: no Kafka. */
@SpringBootTest(properties = {
        "spring.flyway.clean-disabled=false",
        "spring.kafka.listener.auto-startup=false"})
@WithPostgres
@AutoConfigureMockMvc
class ResourceQueryTest {

    @Autowired
    MockMvc http;
    @Autowired
    Projector projector;
    @Autowired
    Flyway flyway;

    private int nextId;

    @BeforeEach
    void emptyReadModels() {
        flyway.clean();
        flyway.migrate();
    }

    @Test
    void aProvisionedResourceIsShownWithItsOwner() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());

        ask("/resources/{id}", US_VPC.toString(), "dev-ecomm")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "7"))
                .andExpect(jsonPath("$.id").value(US_VPC.toString()))
                .andExpect(jsonPath("$.type").value("aws-vpc"))
                .andExpect(jsonPath("$.name").value("US VPC"))
                .andExpect(jsonPath("$.attributes.region").value("us-east-1"))
                .andExpect(jsonPath("$.attributes.azs").value(3))
                .andExpect(jsonPath("$.status").value("active"))
                .andExpect(jsonPath("$.origin").value("provisioned"))
                .andExpect(jsonPath("$.owner.project").value("si"))
                .andExpect(jsonPath("$.owner.environment").value("si-staging"))
                .andExpect(jsonPath("$.owner.package").value("vpc"));
    }

    @Test
    void anImportedResourceHasNoEnvironmentNorPackage() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());
        apply(ericImportsTheDeployerRole(7));

        ask("/resources/{id}", DEPLOYER_ROLE.toString(), "dev-ops")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "8"))
                .andExpect(jsonPath("$.origin").value("imported"))
                .andExpect(jsonPath("$.owner.project").value("ecomm"))
                .andExpect(jsonPath("$.owner.environment").value(nullValue()))
                .andExpect(jsonPath("$.owner.package").value(nullValue()));
    }

    @Test
    void aDecommissionedResourceIsStillShownWithItsStatus() throws Exception {
        List<InfrashareEvent> story = everyKindOfEvent();
        apply(story);

        ask("/resources/{id}", US_VPC.toString(), "dev-ops")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", Integer.toString(story.size())))
                .andExpect(jsonPath("$.status").value("decommissioned"));
    }

    @Test
    void consumersAreEveryEnvironmentUsingTheResourceByDefaultOrByReference() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());
        apply(ericSetsTheDefaultVpc(US_VPC, null, 7), ecommAddsAVpcPackage(8), ericReferencesTheVpc(US_VPC, null, 9));

        ask("/resources/{id}/consumers", US_VPC.toString(), "dev-ops")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "10"))
                .andExpect(jsonPath("$.resource.id").value(US_VPC.toString()))
                .andExpect(jsonPath("$.resource.name").value("US VPC"))
                .andExpect(jsonPath("$.shares", hasSize(1)))
                .andExpect(jsonPath("$.shares[0].project").value("ecomm"))
                .andExpect(jsonPath("$.shares[0].grantedBy").value("olivia"))
                .andExpect(jsonPath("$.shares[0].since").value(second(6).toString()))
                .andExpect(jsonPath("$.consumers", hasSize(2)))
                .andExpect(jsonPath("$.consumers[0].environment").value("ecomm-staging"))
                .andExpect(jsonPath("$.consumers[0].project").value("ecomm"))
                .andExpect(jsonPath("$.consumers[0].via").value("default"))
                .andExpect(jsonPath("$.consumers[0].package").value(nullValue()))
                .andExpect(jsonPath("$.consumers[0].since").value(second(7).toString()))
                .andExpect(jsonPath("$.consumers[1].environment").value("ecomm-staging"))
                .andExpect(jsonPath("$.consumers[1].via").value("remote-reference"))
                .andExpect(jsonPath("$.consumers[1].package").value("vpc"))
                .andExpect(jsonPath("$.consumers[1].since").value(second(9).toString()));
    }

    @Test
    void aReleasedDefaultAndARevokedShareAreNoLongerListed() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());
        apply(ericSetsTheDefaultVpc(US_VPC, null, 7), ecommAddsAVpcPackage(8), ericReferencesTheVpc(US_VPC, null, 9));

        apply(new EnvironmentDefaultCleared(ACME, ECOMM, ECOMM_STAGING, AWS_VPC, US_VPC, by("eric", 10)));

        ask("/resources/{id}/consumers", US_VPC.toString(), "dev-ops")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "11"))
                .andExpect(jsonPath("$.shares", hasSize(1)))
                .andExpect(jsonPath("$.consumers", hasSize(1)))
                .andExpect(jsonPath("$.consumers[0].via").value("remote-reference"));

        apply(new RemoteReferenceRemoved(ACME, ECOMM, ECOMM_STAGING, VPC, US_VPC, by("eric", 11)),
                new ResourceShareRevoked(ACME, SI, US_VPC, ECOMM, by("olivia", 12)));

        ask("/resources/{id}/consumers", US_VPC.toString(), "dev-ops")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "13"))
                .andExpect(jsonPath("$.shares", hasSize(0)))
                .andExpect(jsonPath("$.consumers", hasSize(0)));
    }

    @Test
    void aDeletedEnvironmentConsumesNothing() throws Exception {
        List<InfrashareEvent> story = everyKindOfEvent();
        apply(story);

        // ecomm-pr42 took the EU VPC as default and reference before it was torn down; only ecomm-staging is left
        ask("/resources/{id}/consumers", EU_VPC.toString(), "dev-ecomm")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", Integer.toString(story.size())))
                .andExpect(jsonPath("$.shares", hasSize(1)))
                .andExpect(jsonPath("$.consumers", hasSize(1)))
                .andExpect(jsonPath("$.consumers[0].environment").value("ecomm-staging"))
                .andExpect(jsonPath("$.consumers[0].via").value("default"))
                .andExpect(jsonPath("$.consumers[0].since").value(second(10).toString()));
    }

    @Test
    void anotherOrganizationsResourceIsNotFound() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());

        for (String path : List.of("/resources/{id}", "/resources/{id}/consumers")) {
            ask(path, US_VPC.toString(), "dev-globex")
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("/problems/not-found"));
        }
    }

    @Test
    void aResourceThatDoesNotExistIsNotFound() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());

        for (String path : List.of("/resources/{id}", "/resources/{id}/consumers")) {
            ask(path, EU_VPC.toString(), "dev-ops")
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.type").value("/problems/not-found"));
        }
    }

    @Test
    void aResourceIdThatIsNotAUuidIsABadRequest() throws Exception {
        for (String path : List.of("/resources/{id}", "/resources/{id}/consumers")) {
            for (String id : List.of("us-vpc", "1-2-3-4-5")) {
                ask(path, id, "dev-ops")
                        .andExpect(status().isBadRequest())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                        .andExpect(jsonPath("$.errors[0].field").value("id"));
            }
        }
    }

    @Test
    void aCallerWithoutAKnownTokenIsUnauthenticated() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());

        for (String path : List.of("/resources/{id}", "/resources/{id}/consumers")) {
            http.perform(MockMvcRequestBuilders.get(path, US_VPC.toString()))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.type").value("/problems/unauthenticated"));
            ask(path, US_VPC.toString(), "not-a-token")
                    .andExpect(status().isUnauthorized());
        }
    }

    private void apply(List<InfrashareEvent> events) {
        events.forEach(this::apply);
    }

    private void apply(InfrashareEvent... events) {
        for (InfrashareEvent event : events) {
            projector.apply(new IncomingEvent("event-" + ++nextId, event));
        }
    }

    private ResultActions ask(String path, String id, String token) throws Exception {
        return http.perform(MockMvcRequestBuilders.get(path, id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }
}

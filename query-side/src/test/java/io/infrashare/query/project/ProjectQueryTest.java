package io.infrashare.query.project;

import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.ProjectCreated;
import io.infrashare.events.ProjectId;
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

import static io.infrashare.query.AcmeStory.DEPLOYER_ROLE;
import static io.infrashare.query.AcmeStory.EU_VPC;
import static io.infrashare.query.AcmeStory.US_VPC;
import static io.infrashare.query.AcmeStory.by;
import static io.infrashare.query.AcmeStory.everyKindOfEvent;
import static io.infrashare.query.AcmeStory.opsSharesTheUsVpcWithEcommerce;
import static io.infrashare.query.AcmeStory.second;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Events fed to the projector, then the organization's projects asked over HTTP: no Kafka. */
@SpringBootTest(properties = {
        "spring.flyway.clean-disabled=false",
        "spring.kafka.listener.auto-startup=false"})
@WithPostgres
@AutoConfigureMockMvc
class ProjectQueryTest {

    private static final OrganizationId GLOBEX = OrganizationId.of("globex");

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
    void theOrganizationsProjectsAreListedById() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());
        apply(new ProjectCreated(GLOBEX, ProjectId.of("net"), "Network", "ops", by("gus", 7)));

        ask("/projects", "dev-auditor")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "7"))
                .andExpect(jsonPath("$.projects", hasSize(2)))
                .andExpect(jsonPath("$.projects[0].id").value("ecomm"))
                .andExpect(jsonPath("$.projects[0].name").value("ECommerce API"))
                .andExpect(jsonPath("$.projects[0].ownerTeam").value("ecommerce"))
                .andExpect(jsonPath("$.projects[0].createdAt").value(second(1).toString()))
                .andExpect(jsonPath("$.projects[0].createdBy").value("eric"))
                .andExpect(jsonPath("$.projects[1].id").value("si"));
        ask("/projects", "dev-globex")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "1"))
                .andExpect(jsonPath("$.projects", hasSize(1)))
                .andExpect(jsonPath("$.projects[0].id").value("net"));
    }

    @Test
    void anOrganizationWithoutProjectsListsNone() throws Exception {
        ask("/projects", "dev-globex")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "0"))
                .andExpect(jsonPath("$.projects", hasSize(0)));
    }

    @Test
    void aProjectShowsItsEnvironmentsPackagesResourcesAndTheSharesItGives() throws Exception {
        List<InfrashareEvent> story = everyKindOfEvent();
        apply(story);

        ask("/projects/si", "dev-ecomm")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", Integer.toString(story.size())))
                .andExpect(jsonPath("$.id").value("si"))
                .andExpect(jsonPath("$.name").value("Shared Infra"))
                .andExpect(jsonPath("$.ownerTeam").value("ops"))
                .andExpect(jsonPath("$.createdAt").value(second(0).toString()))
                .andExpect(jsonPath("$.createdBy").value("olivia"))
                .andExpect(jsonPath("$.environments", hasSize(1)))
                .andExpect(jsonPath("$.environments[0].id").value("si-staging"))
                .andExpect(jsonPath("$.environments[0].name").value("Staging"))
                .andExpect(jsonPath("$.environments[0].labels.tier").value("staging"))
                .andExpect(jsonPath("$.environments[0].forkOf").value(nullValue()))
                .andExpect(jsonPath("$.environments[0].deletedAt").value(nullValue()))
                .andExpect(jsonPath("$.packages", hasSize(1)))
                .andExpect(jsonPath("$.packages[0].name").value("vpc"))
                .andExpect(jsonPath("$.packages[0].bundle").value("aws-vpc"))
                .andExpect(jsonPath("$.packages[0].resourceType").value("aws-vpc"))
                // by name; the decommissioned one stays, with its status
                .andExpect(jsonPath("$.resources", hasSize(2)))
                .andExpect(jsonPath("$.resources[0].id").value(EU_VPC.toString()))
                .andExpect(jsonPath("$.resources[0].status").value("active"))
                .andExpect(jsonPath("$.resources[0].attributes.cidr").value("10.1.0.0/16"))
                .andExpect(jsonPath("$.resources[1].id").value(US_VPC.toString()))
                .andExpect(jsonPath("$.resources[1].status").value("decommissioned"))
                .andExpect(jsonPath("$.resources[1].owner.environment").value("si-staging"))
                // the US VPC's share was revoked
                .andExpect(jsonPath("$.sharesGiven", hasSize(1)))
                .andExpect(jsonPath("$.sharesGiven[0].resource.id").value(EU_VPC.toString()))
                .andExpect(jsonPath("$.sharesGiven[0].resource.name").value("EU VPC"))
                .andExpect(jsonPath("$.sharesGiven[0].project").value("ecomm"))
                .andExpect(jsonPath("$.sharesGiven[0].grantedBy").value("olivia"))
                .andExpect(jsonPath("$.sharesGiven[0].since").value(second(8).toString()))
                .andExpect(jsonPath("$.sharesReceived", hasSize(0)));
    }

    @Test
    void aProjectShowsItsDeletedEnvironmentsAndTheSharesItReceives() throws Exception {
        List<InfrashareEvent> story = everyKindOfEvent();
        apply(story);

        ask("/projects/ecomm", "dev-ops")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", Integer.toString(story.size())))
                .andExpect(jsonPath("$.environments", hasSize(2)))
                .andExpect(jsonPath("$.environments[0].id").value("ecomm-pr42"))
                .andExpect(jsonPath("$.environments[0].labels.tier").value("preview"))
                .andExpect(jsonPath("$.environments[0].forkOf").value("ecomm-staging"))
                .andExpect(jsonPath("$.environments[0].deletedAt").value(second(20).toString()))
                .andExpect(jsonPath("$.environments[0].deletedBy").value("eric"))
                .andExpect(jsonPath("$.environments[1].id").value("ecomm-staging"))
                .andExpect(jsonPath("$.environments[1].deletedAt").value(nullValue()))
                .andExpect(jsonPath("$.packages", hasSize(1)))
                .andExpect(jsonPath("$.resources", hasSize(1)))
                .andExpect(jsonPath("$.resources[0].id").value(DEPLOYER_ROLE.toString()))
                .andExpect(jsonPath("$.resources[0].origin").value("imported"))
                .andExpect(jsonPath("$.sharesGiven", hasSize(0)))
                .andExpect(jsonPath("$.sharesReceived", hasSize(1)))
                .andExpect(jsonPath("$.sharesReceived[0].resource.id").value(EU_VPC.toString()))
                .andExpect(jsonPath("$.sharesReceived[0].resource.type").value("aws-vpc"))
                .andExpect(jsonPath("$.sharesReceived[0].owner").value("si"))
                .andExpect(jsonPath("$.sharesReceived[0].grantedBy").value("olivia"))
                .andExpect(jsonPath("$.sharesReceived[0].since").value(second(8).toString()));
    }

    @Test
    void anotherOrganizationsProjectIsNotFound() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());

        ask("/projects/si", "dev-globex")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
    }

    @Test
    void aProjectThatDoesNotExistIsNotFound() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());

        ask("/projects/web", "dev-ops")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
    }

    @Test
    void aProjectIdOfTheWrongShapeIsABadRequest() throws Exception {
        ask("/projects/Shared_Infra", "dev-ops")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("project"));
    }

    @Test
    void aCallerWithoutAKnownTokenIsUnauthenticated() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());

        for (String path : List.of("/projects", "/projects/si")) {
            http.perform(MockMvcRequestBuilders.get(path))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.type").value("/problems/unauthenticated"));
            ask(path, "not-a-token")
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

    private ResultActions ask(String path, String token) throws Exception {
        return http.perform(MockMvcRequestBuilders.get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }
}

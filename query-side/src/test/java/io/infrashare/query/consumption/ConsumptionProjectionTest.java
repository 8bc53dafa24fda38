package io.infrashare.query.consumption;

import io.infrashare.events.EnvironmentCreated;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.ProjectCreated;
import io.infrashare.events.ProjectId;
import io.infrashare.query.ingest.IncomingEvent;
import io.infrashare.query.ingest.Projector;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.infrashare.query.AcmeStory.ECOMM_STAGING;
import static io.infrashare.query.AcmeStory.EU_VPC;
import static io.infrashare.query.AcmeStory.SI_STAGING;
import static io.infrashare.query.AcmeStory.US_VPC;
import static io.infrashare.query.AcmeStory.by;
import static io.infrashare.query.AcmeStory.ericSetsTheDefaultVpc;
import static io.infrashare.query.AcmeStory.opsSharesTheEuVpcWithEcommerce;
import static io.infrashare.query.AcmeStory.opsSharesTheUsVpcWithEcommerce;
import static io.infrashare.query.AcmeStory.second;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Events fed to the projector, then the consumption view asked over HTTP: no Kafka. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:projections;DB_CLOSE_DELAY=-1",
        "spring.flyway.clean-disabled=false",
        "spring.kafka.listener.auto-startup=false"})
@AutoConfigureMockMvc
class ConsumptionProjectionTest {

    static final Instant NOW = Instant.parse("2026-11-24T08:00:00.654321Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

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
    void ecommerceStagingConsumesTheVpcItsTeamMadeTheDefault() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());
        apply(ericSetsTheDefaultVpc(US_VPC, null, 7));

        consumption(ECOMM_STAGING, "dev-ecomm")
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string("X-Projection-Position", "8"))
                .andExpect(jsonPath("$.environment").value("ecomm-staging"))
                .andExpect(jsonPath("$.project").value("ecomm"))
                .andExpect(jsonPath("$.asOf").value("2026-11-24T08:00:00.654321Z"))
                .andExpect(jsonPath("$.defaults", hasSize(1)))
                .andExpect(jsonPath("$.defaults[0].type").value("aws-vpc"))
                .andExpect(jsonPath("$.defaults[0].resource.id").value(US_VPC.toString()))
                .andExpect(jsonPath("$.defaults[0].resource.type").value("aws-vpc"))
                .andExpect(jsonPath("$.defaults[0].resource.name").value("US VPC"))
                .andExpect(jsonPath("$.defaults[0].resource.attributes.region").value("us-east-1"))
                .andExpect(jsonPath("$.defaults[0].resource.attributes.cidr").value("10.0.0.0/16"))
                .andExpect(jsonPath("$.defaults[0].resource.attributes.azs").value(3))
                .andExpect(jsonPath("$.defaults[0].resource.status").value("active"))
                .andExpect(jsonPath("$.defaults[0].resource.origin").value("provisioned"))
                .andExpect(jsonPath("$.defaults[0].resource.owner.project").value("si"))
                .andExpect(jsonPath("$.defaults[0].resource.owner.environment").value("si-staging"))
                .andExpect(jsonPath("$.defaults[0].resource.owner.package").value("vpc"))
                .andExpect(jsonPath("$.defaults[0].since").value("2026-11-23T10:15:37.123456Z"))
                .andExpect(jsonPath("$.defaults[0].setBy").value("eric"))
                .andExpect(jsonPath("$.remoteReferences", hasSize(0)));
    }

    @Test
    void aNewDefaultOfTheSameTypeReplacesThePreviousOne() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());
        apply(opsSharesTheEuVpcWithEcommerce(7));
        apply(ericSetsTheDefaultVpc(US_VPC, null, 9));
        apply(ericSetsTheDefaultVpc(EU_VPC, US_VPC, 10));

        consumption(ECOMM_STAGING, "dev-ecomm")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "11"))
                .andExpect(jsonPath("$.defaults", hasSize(1)))
                .andExpect(jsonPath("$.defaults[0].resource.id").value(EU_VPC.toString()))
                .andExpect(jsonPath("$.defaults[0].resource.name").value("EU VPC"))
                .andExpect(jsonPath("$.defaults[0].since").value(second(10).toString()));
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() throws Exception {
        List<InfrashareEvent> story = opsSharesTheUsVpcWithEcommerce();
        apply(story);
        var setDefault = new IncomingEvent("default-of-ecomm-staging", ericSetsTheDefaultVpc(US_VPC, null, 7));
        assertThat(projector.apply(setDefault)).hasValueSatisfying(applied -> assertThat(applied.position()).isEqualTo(8));

        assertThat(projector.apply(setDefault)).isEmpty();
        assertThat(projector.apply(new IncomingEvent("event-1", story.get(0)))).isEmpty();

        consumption(ECOMM_STAGING, "dev-ecomm")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "8"))
                .andExpect(jsonPath("$.defaults", hasSize(1)))
                .andExpect(jsonPath("$.defaults[0].resource.id").value(US_VPC.toString()));
    }

    @Test
    void anEnvironmentWithoutDefaultsConsumesNothing() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());

        consumption(SI_STAGING, "dev-ops")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "7"))
                .andExpect(jsonPath("$.environment").value("si-staging"))
                .andExpect(jsonPath("$.project").value("si"))
                .andExpect(jsonPath("$.defaults", hasSize(0)))
                .andExpect(jsonPath("$.remoteReferences", hasSize(0)));
    }

    @Test
    void eachOrganizationHasItsOwnPosition() throws Exception {
        OrganizationId globex = OrganizationId.of("globex");
        ProjectId net = ProjectId.of("net");
        apply(opsSharesTheUsVpcWithEcommerce());
        apply(new ProjectCreated(globex, net, "Network", "ops", by("gus", 20)),
                new EnvironmentCreated(globex, net, EnvironmentId.of(net, "prod"), "Production", Map.of(), null,
                        by("gus", 21)));

        consumption(EnvironmentId.of(net, "prod"), "dev-globex")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "2"));
        consumption(SI_STAGING, "dev-admin")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "7"));
    }

    @Test
    void anotherOrganizationsEnvironmentIsNotFound() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());
        apply(ericSetsTheDefaultVpc(US_VPC, null, 7));

        consumption(ECOMM_STAGING, "dev-globex")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/not-found"))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void anEnvironmentThatDoesNotExistIsNotFound() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());

        consumption(EnvironmentId.of("ecomm-prod"), "dev-ecomm")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
    }

    @Test
    void anEnvironmentIdOfTheWrongShapeIsABadRequest() throws Exception {
        consumption(EnvironmentId.of("Ecomm_Staging"), "dev-ecomm")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("environment"));
    }

    @Test
    void aCallerWithoutAKnownTokenIsUnauthenticated() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());

        http.perform(get("/environments/{environment}/consumption", SI_STAGING.value()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("/problems/unauthenticated"));
        consumption(SI_STAGING, "not-a-token")
                .andExpect(status().isUnauthorized());
    }

    private void apply(List<InfrashareEvent> events) {
        events.forEach(this::apply);
    }

    private void apply(InfrashareEvent... events) {
        for (InfrashareEvent event : events) {
            projector.apply(new IncomingEvent("event-" + ++nextId, event));
        }
    }

    private ResultActions consumption(EnvironmentId environment, String token) throws Exception {
        return http.perform(get("/environments/{environment}/consumption", environment.value())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }
}

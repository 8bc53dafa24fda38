package io.infrashare.query;

import io.infrashare.events.InfrashareEvent;
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

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.infrashare.query.AcmeStory.DEPLOYER_ROLE;
import static io.infrashare.query.AcmeStory.EU_VPC;
import static io.infrashare.query.AcmeStory.US_VPC;
import static io.infrashare.query.AcmeStory.everyKindOfEvent;
import static io.infrashare.query.AcmeStory.second;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code ?at=} on consumption, resources and consumers, over the 26 events of {@link AcmeStory#everyKindOfEvent()}:
 * event n (position n) occurred at {@code second(n - 1)} up to the 20th; the 21st to 24th (releasing and deleting
 * ecomm-pr42) share {@code second(20)}, the revocation of the US VPC is at 21 and its decommissioning at 22.
 */
@SpringBootTest(properties = {
        "spring.flyway.clean-disabled=false",
        "spring.kafka.listener.auto-startup=false"})
@WithPostgres
@AutoConfigureMockMvc
class PointInTimeTest {

    @Autowired
    MockMvc http;
    @Autowired
    Projector projector;
    @Autowired
    Flyway flyway;

    @BeforeEach
    void theWholeStory() {
        flyway.clean();
        flyway.migrate();
        List<InfrashareEvent> story = everyKindOfEvent();
        for (int i = 0; i < story.size(); i++) {
            projector.apply(new IncomingEvent("event-" + (i + 1), story.get(i)));
        }
    }

    @Test
    void anEnvironmentIsNotFoundBeforeItWasCreatedAndFoundExactlyWhenItWas() throws Exception {
        consumption("ecomm-staging", second(2)).andExpect(status().isNotFound());
        consumption("ecomm-staging", justBefore(second(3))).andExpect(status().isNotFound());

        consumption("ecomm-staging", second(3))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "4"))
                .andExpect(jsonPath("$.environment").value("ecomm-staging"))
                .andExpect(jsonPath("$.project").value("ecomm"))
                .andExpect(jsonPath("$.asOf").value(second(3).toString()))
                .andExpect(jsonPath("$.defaults", hasSize(0)))
                .andExpect(jsonPath("$.remoteReferences", hasSize(0)));
    }

    @Test
    void aReplacedDefaultIsShownUntilTheInstantItWasReplaced() throws Exception {
        Instant between = second(9).plusMillis(500);
        consumption("ecomm-staging", between)
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "10"))
                .andExpect(jsonPath("$.asOf").value(between.toString()))
                .andExpect(jsonPath("$.defaults", hasSize(1)))
                .andExpect(jsonPath("$.defaults[0].type").value("aws-vpc"))
                .andExpect(jsonPath("$.defaults[0].resource.id").value(US_VPC.toString()))
                .andExpect(jsonPath("$.defaults[0].since").value(second(9).toString()))
                .andExpect(jsonPath("$.defaults[0].setBy").value("eric"));
        consumption("ecomm-staging", justBefore(second(10)))
                .andExpect(header().string("X-Projection-Position", "10"))
                .andExpect(jsonPath("$.defaults[0].resource.id").value(US_VPC.toString()));

        // the EU VPC as it was then, before its reconfiguration at second 19
        consumption("ecomm-staging", second(10))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "11"))
                .andExpect(jsonPath("$.defaults", hasSize(1)))
                .andExpect(jsonPath("$.defaults[0].resource.id").value(EU_VPC.toString()))
                .andExpect(jsonPath("$.defaults[0].resource.attributes.region").value("eu-west-1"))
                .andExpect(jsonPath("$.defaults[0].resource.attributes.cidr").doesNotExist());
        consumption("ecomm-staging", second(19))
                .andExpect(jsonPath("$.defaults[1].resource.id").value(EU_VPC.toString()))
                .andExpect(jsonPath("$.defaults[1].resource.attributes.cidr").value("10.1.0.0/16"));
    }

    @Test
    void anAtWithAnOffsetIsTheSameInstant() throws Exception {
        consumption("ecomm-staging", second(10).atOffset(ZoneOffset.ofHours(2)).toString())
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "11"))
                .andExpect(jsonPath("$.asOf").value(second(10).toString()))
                .andExpect(jsonPath("$.defaults[0].resource.id").value(EU_VPC.toString()));
    }

    @Test
    void aDeletedEnvironmentAnswersAsItWasJustBeforeItsDeletionAndIsNotFoundFromThen() throws Exception {
        consumption("ecomm-pr42", justBefore(second(20)))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "20"))
                .andExpect(jsonPath("$.defaults", hasSize(2)))
                .andExpect(jsonPath("$.defaults[0].type").value("aws-iam-role"))
                .andExpect(jsonPath("$.defaults[0].resource.id").value(DEPLOYER_ROLE.toString()))
                .andExpect(jsonPath("$.defaults[1].type").value("aws-vpc"))
                .andExpect(jsonPath("$.defaults[1].resource.attributes.cidr").value("10.1.0.0/16"))
                .andExpect(jsonPath("$.remoteReferences", hasSize(1)))
                .andExpect(jsonPath("$.remoteReferences[0].package").value("vpc"))
                .andExpect(jsonPath("$.remoteReferences[0].resource.id").value(EU_VPC.toString()));

        // four events share second 20: the releases and the deletion, which is the last of them
        for (Instant at : List.of(second(20), second(21), Instant.parse("2030-01-01T00:00:00Z"))) {
            consumption("ecomm-pr42", at)
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.deletedAt").value(second(20).toString()));
        }
        consumption("ecomm-pr42", justBefore(second(15))).andExpect(status().isNotFound());
    }

    @Test
    void aResourceIsAsItWasAndNotFoundBeforeItExisted() throws Exception {
        resource("/resources/{id}", US_VPC.toString(), justBefore(second(5)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
        resource("/resources/{id}", US_VPC.toString(), second(5))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "6"))
                .andExpect(jsonPath("$.name").value("US VPC"))
                .andExpect(jsonPath("$.status").value("active"))
                .andExpect(jsonPath("$.owner.environment").value("si-staging"));
        resource("/resources/{id}", US_VPC.toString(), justBefore(second(22)))
                .andExpect(header().string("X-Projection-Position", "25"))
                .andExpect(jsonPath("$.status").value("active"));
        resource("/resources/{id}", US_VPC.toString(), second(22))
                .andExpect(header().string("X-Projection-Position", "26"))
                .andExpect(jsonPath("$.status").value("decommissioned"));

        resource("/resources/{id}", EU_VPC.toString(), justBefore(second(19)))
                .andExpect(jsonPath("$.attributes.region").value("eu-west-1"))
                .andExpect(jsonPath("$.attributes.cidr").doesNotExist());
        resource("/resources/{id}", EU_VPC.toString(), second(19))
                .andExpect(jsonPath("$.attributes.cidr").value("10.1.0.0/16"));
        resource("/resources/{id}/consumers", EU_VPC.toString(), justBefore(second(7)))
                .andExpect(status().isNotFound());
    }

    @Test
    void consumersAndSharesAreAsTheyWere() throws Exception {
        resource("/resources/{id}/consumers", US_VPC.toString(), justBefore(second(6)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.shares", hasSize(0)))
                .andExpect(jsonPath("$.consumers", hasSize(0)));
        resource("/resources/{id}/consumers", US_VPC.toString(), second(9))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "10"))
                .andExpect(jsonPath("$.shares", hasSize(1)))
                .andExpect(jsonPath("$.shares[0].project").value("ecomm"))
                .andExpect(jsonPath("$.shares[0].since").value(second(6).toString()))
                .andExpect(jsonPath("$.consumers", hasSize(1)))
                .andExpect(jsonPath("$.consumers[0].environment").value("ecomm-staging"))
                .andExpect(jsonPath("$.consumers[0].via").value("default"))
                .andExpect(jsonPath("$.consumers[0].package").value(nullValue()));
        resource("/resources/{id}/consumers", US_VPC.toString(), second(10))
                .andExpect(jsonPath("$.shares", hasSize(1)))
                .andExpect(jsonPath("$.consumers", hasSize(0)));
        resource("/resources/{id}/consumers", US_VPC.toString(), second(21))
                .andExpect(jsonPath("$.shares", hasSize(0)));

        resource("/resources/{id}/consumers", EU_VPC.toString(), second(18))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "19"))
                .andExpect(jsonPath("$.consumers", hasSize(3)))
                .andExpect(jsonPath("$.consumers[0].environment").value("ecomm-pr42"))
                .andExpect(jsonPath("$.consumers[0].via").value("default"))
                .andExpect(jsonPath("$.consumers[1].environment").value("ecomm-pr42"))
                .andExpect(jsonPath("$.consumers[1].via").value("remote-reference"))
                .andExpect(jsonPath("$.consumers[1].package").value("vpc"))
                .andExpect(jsonPath("$.consumers[2].environment").value("ecomm-staging"));
        resource("/resources/{id}/consumers", EU_VPC.toString(), second(20))
                .andExpect(header().string("X-Projection-Position", "24"))
                .andExpect(jsonPath("$.consumers", hasSize(1)))
                .andExpect(jsonPath("$.consumers[0].environment").value("ecomm-staging"));
    }

    @Test
    void anAtThatIsNotAnIso8601InstantIsABadRequest() throws Exception {
        for (String at : List.of("yesterday", "2026-11-23T10:15:30", "", "2026-13-01T00:00:00Z")) {
            for (ResultActions answer : List.of(consumption("ecomm-staging", at),
                    resource("/resources/{id}", US_VPC.toString(), at),
                    resource("/resources/{id}/consumers", US_VPC.toString(), at))) {
                answer.andExpect(status().isBadRequest())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                        .andExpect(jsonPath("$.errors[0].field").value("at"));
            }
        }
    }

    @Test
    void anAtOutsideTheYearsOneTo9999IsABadRequestNamingTheRange() throws Exception {
        for (String at : List.of("+999999-01-01T00:00:00Z", "-999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
                "-0001-12-31T23:59:59Z")) {
            for (ResultActions answer : List.of(consumption("ecomm-staging", at),
                    resource("/resources/{id}", US_VPC.toString(), at),
                    resource("/resources/{id}/consumers", US_VPC.toString(), at))) {
                answer.andExpect(status().isBadRequest())
                        .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                        .andExpect(jsonPath("$.errors[0].field").value("at"))
                        .andExpect(jsonPath("$.errors[0].message")
                                .value("is not an ISO-8601 instant between 0001-01-01T00:00:00Z"
                                        + " and 9999-12-31T23:59:59.999999Z"));
            }
        }
        consumption("ecomm-staging", "9999-12-31T23:59:59.999999Z").andExpect(status().isOk());
        consumption("ecomm-staging", "0001-01-01T00:00:00Z").andExpect(status().isNotFound());
    }

    @Test
    void withoutAtTheLiveViewsAreUnchanged() throws Exception {
        http.perform(MockMvcRequestBuilders.get("/environments/{env}/consumption", "ecomm-pr42")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer dev-ecomm"))
                .andExpect(status().isNotFound());
        http.perform(MockMvcRequestBuilders.get("/resources/{id}", US_VPC.toString())
                        .header(HttpHeaders.AUTHORIZATION, "Bearer dev-ecomm"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "26"))
                .andExpect(jsonPath("$.status").value("decommissioned"));
    }

    private static Instant justBefore(Instant instant) {
        return instant.minus(1, ChronoUnit.MICROS);
    }

    private ResultActions consumption(String environment, Instant at) throws Exception {
        return consumption(environment, at.toString());
    }

    private ResultActions consumption(String environment, String at) throws Exception {
        return http.perform(MockMvcRequestBuilders.get("/environments/{env}/consumption", environment)
                .param("at", at)
                .header(HttpHeaders.AUTHORIZATION, "Bearer dev-ecomm"));
    }

    private ResultActions resource(String path, String id, Instant at) throws Exception {
        return resource(path, id, at.toString());
    }

    private ResultActions resource(String path, String id, String at) throws Exception {
        return http.perform(MockMvcRequestBuilders.get(path, id)
                .param("at", at)
                .header(HttpHeaders.AUTHORIZATION, "Bearer dev-ecomm"));
    }
}

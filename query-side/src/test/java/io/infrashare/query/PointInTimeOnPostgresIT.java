package io.infrashare.query;

import io.infrashare.events.InfrashareEvent;
import io.infrashare.query.ingest.IncomingEvent;
import io.infrashare.query.ingest.Projector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.infrashare.query.AcmeStory.EU_VPC;
import static io.infrashare.query.AcmeStory.US_VPC;
import static io.infrashare.query.AcmeStory.everyKindOfEvent;
import static io.infrashare.query.AcmeStory.second;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** V5's history tables and the `at` queries' SQL on a real PostgreSQL, at its microsecond timestamps. */
@SpringBootTest(properties = "spring.kafka.listener.auto-startup=false")
@ActiveProfiles({"embedded", "postgres"})
@AutoConfigureMockMvc
class PointInTimeOnPostgresIT {

    @TestConfiguration(proxyBeanMethods = false)
    static class Database extends EmbeddedPostgresDatabase {
    }

    @Autowired
    MockMvc http;
    @Autowired
    Projector projector;

    @Test
    void pointInTimeAnswersOnPostgresql() throws Exception {
        List<InfrashareEvent> story = everyKindOfEvent();
        for (int i = 0; i < story.size(); i++) {
            projector.apply(new IncomingEvent("pg-at-" + i, story.get(i)));
        }

        ask("/environments/ecomm-staging/consumption", justBefore(second(10)))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "10"))
                .andExpect(jsonPath("$.defaults[0].resource.id").value(US_VPC.toString()));
        ask("/environments/ecomm-staging/consumption", second(10))
                .andExpect(header().string("X-Projection-Position", "11"))
                .andExpect(jsonPath("$.defaults[0].resource.id").value(EU_VPC.toString()))
                .andExpect(jsonPath("$.defaults[0].resource.attributes.cidr").doesNotExist());
        ask("/environments/ecomm-pr42/consumption", justBefore(second(20)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.defaults", hasSize(2)))
                .andExpect(jsonPath("$.remoteReferences", hasSize(1)));
        ask("/environments/ecomm-pr42/consumption", second(20))
                .andExpect(status().isNotFound());
        ask("/resources/" + US_VPC, justBefore(second(5)))
                .andExpect(status().isNotFound());
        ask("/resources/" + EU_VPC + "/consumers", second(18))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "19"))
                .andExpect(jsonPath("$.shares", hasSize(1)))
                .andExpect(jsonPath("$.consumers", hasSize(3)));
    }

    private static Instant justBefore(Instant instant) {
        return instant.minus(1, ChronoUnit.MICROS);
    }

    private ResultActions ask(String path, Instant at) throws Exception {
        return http.perform(MockMvcRequestBuilders.get(path).param("at", at.toString())
                .header(HttpHeaders.AUTHORIZATION, "Bearer dev-ecomm"));
    }
}

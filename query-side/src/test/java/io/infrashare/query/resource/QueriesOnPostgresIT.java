package io.infrashare.query.resource;

import io.infrashare.events.InfrashareEvent;
import io.infrashare.query.ingest.IncomingEvent;
import io.infrashare.query.ingest.Projector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import io.infrashare.query.EmbeddedPostgresDatabase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.util.ArrayList;
import java.util.List;

import static io.infrashare.query.AcmeStory.EU_VPC;
import static io.infrashare.query.AcmeStory.US_VPC;
import static io.infrashare.query.AcmeStory.ericReferencesTheVpc;
import static io.infrashare.query.AcmeStory.everyKindOfEvent;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The resource and project queries' SQL (a union across the default and reference tables, joins, V4's columns and
 * indexes) on a real PostgreSQL, fed through the projector as the H2 tests are.
 */
@SpringBootTest(properties = "spring.kafka.listener.auto-startup=false")
@ActiveProfiles({"embedded", "postgres"})
@AutoConfigureMockMvc
class QueriesOnPostgresIT {

    @TestConfiguration(proxyBeanMethods = false)
    static class Database extends EmbeddedPostgresDatabase {
    }

    @Autowired
    MockMvc http;
    @Autowired
    Projector projector;

    @Test
    void consumersAndProjectsAnswerOnPostgresql() throws Exception {
        List<InfrashareEvent> story = new ArrayList<>(everyKindOfEvent());
        // ecomm's staging takes the EU VPC for its VPC package too, beside having it as default
        story.add(ericReferencesTheVpc(EU_VPC, null, 23));
        for (int i = 0; i < story.size(); i++) {
            projector.apply(new IncomingEvent("pg-query-" + i, story.get(i)));
        }
        String position = Integer.toString(story.size());

        ask("/resources/" + EU_VPC + "/consumers")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", position))
                .andExpect(jsonPath("$.shares", hasSize(1)))
                .andExpect(jsonPath("$.consumers", hasSize(2)))
                .andExpect(jsonPath("$.consumers[0].via").value("default"))
                .andExpect(jsonPath("$.consumers[0].package").value(nullValue()))
                .andExpect(jsonPath("$.consumers[1].via").value("remote-reference"))
                .andExpect(jsonPath("$.consumers[1].package").value("vpc"));
        ask("/resources/" + US_VPC)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("decommissioned"));
        ask("/projects")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.projects[0].createdBy").value("eric"));
        ask("/projects/ecomm")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", position))
                .andExpect(jsonPath("$.environments", hasSize(2)))
                .andExpect(jsonPath("$.sharesReceived", hasSize(1)))
                .andExpect(jsonPath("$.sharesReceived[0].owner").value("si"));
    }

    private ResultActions ask(String path) throws Exception {
        return http.perform(MockMvcRequestBuilders.get(path).header(HttpHeaders.AUTHORIZATION, "Bearer dev-ecomm"));
    }
}

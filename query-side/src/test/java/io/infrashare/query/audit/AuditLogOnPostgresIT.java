package io.infrashare.query.audit;

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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;

import static io.infrashare.query.AcmeStory.US_VPC;
import static io.infrashare.query.AcmeStory.everyKindOfEvent;
import static io.infrashare.query.AcmeStory.second;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit log's SQL (V3's tables, the filters' subqueries, a bound limit, instants at microsecond precision) on a
 * real PostgreSQL, fed through the projector as the H2 test is.
 */
@SpringBootTest(properties = "spring.kafka.listener.auto-startup=false")
@ActiveProfiles({"embedded", "postgres"})
@AutoConfigureMockMvc
class AuditLogOnPostgresIT {

    @TestConfiguration(proxyBeanMethods = false)
    static class Database extends EmbeddedPostgresDatabase {
    }

    @Autowired
    MockMvc http;
    @Autowired
    Projector projector;

    @Test
    void theAuditLogAnswersOnPostgresql() throws Exception {
        List<InfrashareEvent> story = everyKindOfEvent();
        for (int i = 0; i < story.size(); i++) {
            projector.apply(new IncomingEvent("pg-audit-" + i, story.get(i)));
        }

        String next = ask(get("/audit?limit=20"))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "26"))
                .andExpect(jsonPath("$.entries[0].occurredAt").value(second(0).toString()))
                .andExpect(jsonPath("$.entries[6].data.sharedWith").value("ecomm"))
                .andReturn().getResponse().getContentAsString().replaceAll(".*\"next\":\"([^\"]+)\".*", "$1");
        ask(get("/audit?limit=20&after=" + next))
                .andExpect(jsonPath("$.entries[*].position", contains(21, 22, 23, 24, 25, 26)))
                .andExpect(jsonPath("$.next").value(nullValue()));
        ask(get("/audit?resource=" + US_VPC + "&project=ecomm&actor=eric"))
                .andExpect(jsonPath("$.entries[*].position", contains(10, 11)));
        ask(get("/audit?environment=ecomm-staging&type=EnvironmentDefaultSet&from=" + second(10) + "&to="
                + second(13).minusNanos(1_000)))
                .andExpect(jsonPath("$.entries[*].position", contains(11)));
        String lines = ask(get("/audit?project=ecomm").accept(AuditController.NDJSON))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(lines.split("\n")).hasSize(18);
    }

    private ResultActions ask(MockHttpServletRequestBuilder request) throws Exception {
        return http.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer dev-auditor"));
    }
}

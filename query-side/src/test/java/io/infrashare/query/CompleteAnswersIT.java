package io.infrashare.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.ResourceReconfigured;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.query.audit.UnreadableAuditEntry;
import io.infrashare.query.ingest.IncomingEvent;
import io.infrashare.query.ingest.Projector;
import io.infrashare.testing.WithPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.infrashare.query.AcmeStory.ACME;
import static io.infrashare.query.AcmeStory.EU_VPC;
import static io.infrashare.query.AcmeStory.SI;
import static io.infrashare.query.AcmeStory.by;
import static io.infrashare.query.AcmeStory.everyKindOfEvent;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No answer is cut short with a 2xx, over a real server and its socket: a JSON answer that fails to serialize half
 * way is a 500 problem rather than a 200 with half a body, and an NDJSON export that breaks off ends without its
 * trailer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.flyway.clean-disabled=false",
        "spring.kafka.listener.auto-startup=false"})
@WithPostgres
class CompleteAnswersIT {

    /** Larger than the servlet container's response buffer, so that a streamed answer would be on the wire. */
    private static final String LONG_NOTE = "n".repeat(64 * 1024);

    @LocalServerPort
    int port;
    @Autowired
    Projector projector;
    @Autowired
    Flyway flyway;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    private int nextId;

    @BeforeEach
    void emptyReadModels() {
        flyway.clean();
        flyway.migrate();
        everyKindOfEvent().forEach(this::apply);
    }

    /**
     * The attributes nest as deep as reading JSON allows; inside the answer they are deeper than writing allows, so
     * Jackson fails after the long note went out.
     */
    @Test
    void aJsonAnswerThatFailsHalfWayIsA500ProblemAndNotAHalf200() {
        Answer whole = get("/resources/" + EU_VPC, "application/json");
        assertThat(whole.status()).isEqualTo(200);
        assertThat(whole.headers().firstValueAsLong("Content-Length"))
                .hasValue(whole.text().getBytes(StandardCharsets.UTF_8).length);

        jdbc.sql("update resource set attributes = :attributes where id = :id")
                .param("attributes", "{\"note\":\"" + LONG_NOTE + "\",\"layers\":" + "[".repeat(999) + "]".repeat(999)
                        + "}")
                .param("id", EU_VPC.toString())
                .update();
        Answer answer = get("/resources/" + EU_VPC, "application/json");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = answer.body();
        assertThat(problem.get("type").asText()).isEqualTo("/problems/internal");
        assertThat(problem.get("status").asInt()).isEqualTo(500);
        assertThat(answer.text()).doesNotContain(LONG_NOTE);
    }

    @Test
    void aCompleteExportEndsWithItsTrailerAndOneThatBreaksOffWithout() {
        for (int n = 0; n < 600; n++) {
            apply(new ResourceReconfigured(ACME, SI, EU_VPC, Map.of("note", LONG_NOTE.substring(0, 200) + n),
                    Set.of(), by("olivia", 30 + n)));
        }
        int entries = 26 + 600;
        List<JsonNode> complete = lines(get("/audit", Api.NDJSON));
        assertThat(complete).hasSize(entries + 1);
        assertThat(complete.get(entries).at("/trailer/count").asInt()).isEqualTo(entries);
        assertThat(complete.get(entries).at("/trailer/lastPosition").asInt()).isEqualTo(entries);

        UnreadableAuditEntry.at(jdbc, 550);
        Answer broken = get("/audit", Api.NDJSON);

        assertThat(broken.status()).as("the status went out with the first page").isEqualTo(200);
        List<JsonNode> lines = lines(broken);
        assertThat(lines).hasSize(500 + 1);
        assertThat(lines.get(499).get("position").asInt()).isEqualTo(500);
        assertThat(lines.get(500).at("/error/type").asText()).isEqualTo("/problems/internal");
        assertThat(lines).noneMatch(line -> line.has("trailer"));
    }

    private Answer get(String path, String accept) {
        return Api.at("http://127.0.0.1:" + port).as("dev-auditor").withHeader("Accept", accept).get(path);
    }

    private static List<JsonNode> lines(Answer answer) {
        assertThat(answer.text()).endsWith("\n");
        return answer.lines();
    }

    private void apply(InfrashareEvent event) {
        projector.apply(new IncomingEvent("event-" + ++nextId, event));
    }
}

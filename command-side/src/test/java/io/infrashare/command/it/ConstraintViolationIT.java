package io.infrashare.command.it;

import io.infrashare.command.ConstraintViolation;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.testing.WithPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only the event store's key on (aggregate, sequence number) is a race a command may lose and run again. Any other
 * key the database holds, here the catalog's, that a command breaks is a defect: the command records nothing, the
 * client gets a 500 naming the request's correlation id, and the log names it too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "infrashare.publication.enabled=false")
@WithPostgres
@ExtendWith(OutputCaptureExtension.class)
class ConstraintViolationIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void aCatalogKeyBrokenByACommandIsAnErrorWithTheCorrelationIdNotALostRace(CapturedOutput output) {
        Api http = Api.localhost(port);
        succeeds(http.as("dev-ops").post("/projects", "{\"name\":\"Keys\",\"abbreviation\":\"keys\",\"ownerTeam\":\"ops\"}"));
        succeeds(http.as("dev-ecomm").post("/projects", "{\"name\":\"Takers\",\"abbreviation\":\"takers\",\"ownerTeam\":\"ecommerce\"}"));
        String vpc = succeeds(http.as("dev-ops").post("/projects/keys/resources",
                "{\"type\":\"aws-vpc\",\"name\":\"vpc\"}")).text("id");
        // a share the history does not hold, so the project decides to share and the catalog's key refuses the row
        jdbc.sql("INSERT INTO resource_share (resource_id, project) VALUES (?, 'takers')")
                .param(UUID.fromString(vpc)).update();
        long stored = events();

        Answer answer = http.as("dev-ops").put("/resources/" + vpc + "/shares/takers", null);

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(500);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.text("type")).isEqualTo("/problems/internal");
        assertThat(answer.correlationId()).isNotBlank();
        assertThat(answer.text("correlationId")).isEqualTo(answer.correlationId());
        assertThat(output.getOut()).containsPattern("(?m)^.*ERROR.*" + answer.correlationId()
                + ".*resource_share_pkey.*$");
        assertThat(events()).as("nothing appended").isEqualTo(stored);
        assertThat(meters.find("infrashare.commands.retried").counters()).as("not run again as a lost race")
                .allMatch(counter -> counter.count() == 0);
    }

    @Test
    void theSequenceConflictIsRecognisedByTheNameOfTheEventStoresKey() {
        assertThat(jdbc.sql("SELECT conname FROM pg_constraint WHERE conrelid = 'domainevententry'::regclass")
                .query(String.class).list())
                .contains(ConstraintViolation.SEQUENCE_KEY);
    }

    private long events() {
        return jdbc.sql("SELECT COUNT(*) FROM DomainEventEntry").query(Long.class).single();
    }

    private static Answer succeeds(Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isBetween(200, 299);
        return answer;
    }
}

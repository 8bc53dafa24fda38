package io.infrashare.command.it;

import io.infrashare.command.receipt.Commands;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.testing.WithPostgres;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

/**
 * The database went away in the middle of a command: the client must learn that nothing may have been recorded
 * and that it may retry, never read a success. The commands stand in for the event store failing, the way Axon
 * reports a broken connection.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "infrashare.publication.enabled=false"})
@WithPostgres
class EventStoreOutageIT {

    @MockitoBean
    Commands commands;

    @Value("${local.server.port}")
    int port;

    @BeforeEach
    void theEventStoreIsUnreachable() {
        when(commands.send(any())).thenThrow(new EventStoreException("Failed to read events for aggregate",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));
    }

    @Test
    void aCommandTheEventStoreCouldNotTakeIsA503ProblemToRetry() {
        Answer answer = Api.localhost(port).as("dev-ops").post("/projects",
                "{\"name\":\"Shared Infra\",\"abbreviation\":\"si\",\"ownerTeam\":\"ops\"}");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.text("type")).isEqualTo("/problems/store-unavailable");
    }

    @Test
    void withAnIdempotencyKeyToo() {
        Answer answer = Api.localhost(port).as("dev-ops").withIdempotencyKey("key-1").post("/projects",
                "{\"name\":\"Shared Infra\",\"abbreviation\":\"si\",\"ownerTeam\":\"ops\"}");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.text("type")).isEqualTo("/problems/store-unavailable");
    }
}

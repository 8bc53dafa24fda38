package io.infrashare.query.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.query.AcmeStory;
import io.infrashare.query.Histories;
import io.infrashare.testing.WithPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test: prints how fast the projector replays a long history into the read models, as a rebuild from the
 * topic would, without Kafka: in polls of {@code benchmark.poll} events, each one transaction. Its name keeps it out
 * of {@code ./mvnw verify}; the README gives the command.
 * <p>
 * The history is 100,000 events of 100 organizations, delivered round-robin as partitions interleave them. Each
 * organization repeats the story of {@link AcmeStory#everyKindOfEvent()} with projects and resources of their own
 * per round, so every event type is applied and the read models grow as they would.
 */
@SpringBootTest(properties = {
        "spring.kafka.listener.auto-startup=false"})
@WithPostgres
class ReplayBenchmark {

    static final int EVENTS = Integer.getInteger("benchmark.events", 100_000);
    static final int ORGANIZATIONS = Integer.getInteger("benchmark.organizations", 100);
    /** Events applied in one transaction, as a poll of the topic is: Kafka's {@code max.poll.records}. */
    static final int POLL = Integer.getInteger("benchmark.poll", 500);

    @Autowired
    Projector projector;
    @Autowired
    ObjectMapper json;
    @Autowired
    DataSource dataSource;

    @Test
    void replay() throws SQLException {
        List<IncomingEvent> history = history();
        // a warm-up on other organizations, so that the figure is not the JIT's
        applyInPolls(history(2_000, 10, "warm"));

        long start = System.nanoTime();
        applyInPolls(history);
        double seconds = (System.nanoTime() - start) / 1e9;

        String database;
        try (Connection connection = dataSource.getConnection()) {
            database = connection.getMetaData().getDatabaseProductName();
        }
        System.out.printf("replay: %d events in %.1f s = %.0f events/s (%d organizations, polls of %d, %s)%n",
                history.size(), seconds, history.size() / seconds, ORGANIZATIONS, POLL, database);
        assertThat(history).hasSize(EVENTS);
    }

    private void applyInPolls(List<IncomingEvent> history) {
        for (int from = 0; from < history.size(); from += POLL) {
            projector.applyAll(history.subList(from, Math.min(from + POLL, history.size())));
        }
    }

    private List<IncomingEvent> history() {
        return history(EVENTS, ORGANIZATIONS, "org");
    }

    private List<IncomingEvent> history(int events, int organizations, String prefix) {
        List<IncomingEvent> history = new ArrayList<>(events);
        Histories.tell(events, organizations, prefix, json, (id, event) -> history.add(new IncomingEvent(id, event)));
        return history;
    }
}

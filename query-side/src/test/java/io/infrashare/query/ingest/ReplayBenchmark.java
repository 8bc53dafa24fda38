package io.infrashare.query.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.query.AcmeStory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test: prints how fast the projector replays a long history into the read models on H2, as a rebuild from the
 * topic would, without Kafka. Its name keeps it out of {@code ./mvnw verify}; the README gives the command.
 * <p>
 * The history is 100,000 events of 100 organizations, delivered round-robin as partitions interleave them. Each
 * organization repeats the story of {@link AcmeStory#everyKindOfEvent()} with projects and resources of their own
 * per round, so every event type is applied and the read models grow as they would.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:replay-benchmark;DB_CLOSE_DELAY=-1",
        "spring.kafka.listener.auto-startup=false"})
class ReplayBenchmark {

    static final int EVENTS = Integer.getInteger("benchmark.events", 100_000);
    static final int ORGANIZATIONS = Integer.getInteger("benchmark.organizations", 100);

    @Autowired
    Projector projector;
    @Autowired
    ObjectMapper json;
    @Autowired
    DataSource dataSource;

    @Test
    void replay() throws IOException, SQLException {
        List<IncomingEvent> history = history();
        // a warm-up on other organizations, so that the figure is not the JIT's
        for (IncomingEvent event : history(2_000, 10, "warm")) {
            projector.apply(event);
        }

        long start = System.nanoTime();
        for (IncomingEvent event : history) {
            projector.apply(event);
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        String database;
        try (Connection connection = dataSource.getConnection()) {
            database = connection.getMetaData().getDatabaseProductName();
        }
        System.out.printf("replay: %d events in %.1f s = %.0f events/s (%d organizations, %s)%n",
                history.size(), seconds, history.size() / seconds, ORGANIZATIONS, database);
        assertThat(history).hasSize(EVENTS);
    }

    private List<IncomingEvent> history() throws IOException {
        return history(EVENTS, ORGANIZATIONS, "org");
    }

    private List<IncomingEvent> history(int events, int organizations, String prefix) throws IOException {
        List<String> story = new ArrayList<>();
        List<Class<? extends InfrashareEvent>> types = new ArrayList<>();
        for (InfrashareEvent event : AcmeStory.everyKindOfEvent()) {
            story.add(json.writeValueAsString(event));
            types.add(event.getClass());
        }
        List<IncomingEvent> history = new ArrayList<>(events);
        for (int round = 0; history.size() < events; round++) {
            for (int organization = 0; organization < organizations && history.size() < events; organization++) {
                for (int i = 0; i < story.size() && history.size() < events; i++) {
                    String event = retell(story.get(i), prefix + organization, round);
                    history.add(new IncomingEvent(prefix + organization + "-" + round + "-" + i,
                            json.readValue(event, types.get(i))));
                }
            }
        }
        return history;
    }

    /** The story's JSON with the organization, its projects, environments and resources renamed for one round. */
    private static String retell(String event, String organization, int round) {
        return event
                .replace("\"acme\"", "\"" + organization + "\"")
                .replace("\"si\"", "\"s" + round + "\"")
                .replace("\"si-", "\"s" + round + "-")
                .replace("\"ecomm\"", "\"e" + round + "\"")
                .replace("\"ecomm-", "\"e" + round + "-")
                .replace(AcmeStory.US_VPC.toString(), resource(round, 1))
                .replace(AcmeStory.EU_VPC.toString(), resource(round, 2))
                .replace(AcmeStory.DEPLOYER_ROLE.toString(), resource(round, 3));
    }

    private static String resource(int round, int which) {
        return String.format("%08x-0000-4000-8000-%012x", round, which);
    }
}

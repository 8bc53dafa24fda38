package io.infrashare.query.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.Topic;
import io.infrashare.query.AcmeStory;
import io.infrashare.query.TopicRecords;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.kafka.listener.BatchListenerFailedException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.infrashare.query.TopicRecords.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A poll's records are applied together; a record that fails is handed to the error handler by its index, and
 * nothing before it is lost with it.
 */
class TopicListenerTest {

    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    private final RecordingProjector projector = new RecordingProjector();
    private final TopicListener listener = new TopicListener(new EventRecords(json), projector,
            new IngestProperties(Topic.NAME, null, null), new KafkaProperties(), new SimpleMeterRegistry());

    @Test
    void aPollsRecordsAreAppliedTogether() {
        listener.on(List.of(event("e-1"), event("e-2"), event("e-3")));

        assertThat(projector.transactions).containsExactly(List.of("e-1", "e-2", "e-3"));
    }

    @Test
    void theRecordsBeforeAnUnreadableOneAreAppliedAndItGoesToTheErrorHandler() {
        var unreadable = received(TopicRecords.unreadable("e-3",
                AcmeStory.ericSetsTheDefaultVpc(AcmeStory.US_VPC, null, 7), "ResourceTeleported", "{}", json));

        assertThatThrownBy(() -> listener.on(List.of(event("e-1"), event("e-2"), unreadable, event("e-4"))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        failure -> assertThat(failure.getIndex()).isEqualTo(2))
                .hasRootCauseInstanceOf(UnreadableRecord.class);
        assertThat(projector.transactions).containsExactly(List.of("e-1", "e-2"));
    }

    @Test
    void whenApplyingTogetherFailsTheRecordsAreAppliedOneByOneUpToTheFailingOne() {
        projector.failOn = "e-3";

        assertThatThrownBy(() -> listener.on(List.of(event("e-1"), event("e-2"), event("e-3"), event("e-4"))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        failure -> assertThat(failure.getIndex()).isEqualTo(2));
        assertThat(projector.transactions).containsExactly(List.of("e-1"), List.of("e-2"));
    }

    private ConsumerRecord<String, byte[]> event(String id) {
        return received(TopicRecords.of(Topic.NAME, id, AcmeStory.ericSetsTheDefaultVpc(AcmeStory.US_VPC, null, 7),
                json));
    }

    /** Records the events of each committed transaction; one event may be made to fail, as a database would. */
    private static final class RecordingProjector extends Projector {

        final List<List<String>> transactions = new ArrayList<>();
        String failOn;

        RecordingProjector() {
            super(null, null, null, List.of(), null);
        }

        @Override
        public int applyAll(List<IncomingEvent> events) {
            List<String> ids = events.stream().map(IncomingEvent::id).toList();
            if (ids.contains(failOn)) {
                throw new IllegalStateException("constraint violated by " + failOn);
            }
            transactions.add(ids);
            return ids.size();
        }

        @Override
        public Optional<AppliedEvent> apply(IncomingEvent incoming) {
            if (incoming.id().equals(failOn)) {
                throw new IllegalStateException("constraint violated by " + failOn);
            }
            transactions.add(List.of(incoming.id()));
            return Optional.empty();
        }
    }
}

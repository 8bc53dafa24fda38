package io.infrashare.query.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.EventCodec;
import io.infrashare.events.LogSeal;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.Topic;
import io.infrashare.query.AcmeStory;
import io.infrashare.query.LogSealer;
import io.infrashare.query.TopicRecords;
import io.infrashare.query.log.KnownKeys;
import io.infrashare.query.log.LogChain;
import io.infrashare.query.log.LogProperties;
import io.infrashare.query.log.OrganizationLogs;
import io.infrashare.testing.TestLogKey;
import io.infrashare.transparency.CompactRange;
import io.infrashare.transparency.MerkleTree;
import io.infrashare.transparency.NoteSigner;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.kafka.listener.BatchListenerFailedException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static io.infrashare.query.TopicRecords.received;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A poll's records are applied together; a record that fails is handed to the error handler by its index, and
 * nothing before it is lost with it.
 */
class TopicListenerTest {

    private static final LogProperties PROPERTIES = new LogProperties(LogSealer.ORIGIN_PREFIX,
            List.of(TestLogKey.VERIFIER_KEY), "", "infrashare.checkpoints");

    private final LogSealer log = LogSealer.fresh();

    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();
    private final RecordingProjector projector = new RecordingProjector();
    private final LogChain chain = new LogChain(new EmptyLogs(), new KnownKeys(PROPERTIES), PROPERTIES);
    private final TopicListener listener = new TopicListener(new EventRecords(json), chain, projector,
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

    @Test
    void aRecordThatDoesNotFitItsLogIsRefusedAsUntrustedAfterTheRecordsBeforeItAreApplied() {
        var first = event("e-1");
        var forged = received(TopicRecords.of(Topic.NAME, LogSeal.seal(
                new EventCodec(json).encode("e-2", AcmeStory.ericSetsTheDefaultVpc(AcmeStory.US_VPC, null, 8)),
                logAfter(1), LogSeal.origin(LogSealer.ORIGIN_PREFIX, AcmeStory.ACME),
                NoteSigner.generate(TestLogKey.NAME))));

        assertThatThrownBy(() -> listener.on(List.of(first, forged, event("e-3"))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        failure -> assertThat(failure.getIndex()).isEqualTo(1))
                .hasRootCauseInstanceOf(UntrustedRecord.class)
                .hasMessageContaining("not one the command side signed");
        assertThat(projector.transactions).containsExactly(List.of("e-1"));
    }

    @Test
    void aRecordWhosePredecessorIsMissingIsRefused() {
        event("e-1");

        assertThatThrownBy(() -> listener.on(List.of(event("e-2"))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        failure -> assertThat(failure.getIndex()).isEqualTo(0))
                .hasRootCauseInstanceOf(UntrustedRecord.class)
                .hasMessageContaining("claims index 1").hasMessageContaining("predecessors are missing");
        assertThat(projector.transactions).isEmpty();
    }

    @Test
    void aRecordWithoutASealIsRefused() {
        var unsealed = received(TopicRecords.of(Topic.NAME, new EventCodec(json).encode("e-1",
                AcmeStory.ericSetsTheDefaultVpc(AcmeStory.US_VPC, null, 7))));

        assertThatThrownBy(() -> listener.on(List.of(unsealed)))
                .hasRootCauseInstanceOf(UntrustedRecord.class).hasMessageContaining("no log index");
        assertThat(projector.transactions).isEmpty();
    }

    /** The tree of a log of {@code size} entries that are not this test's. */
    private static CompactRange logAfter(int size) {
        CompactRange tree = CompactRange.empty();
        for (int i = 0; i < size; i++) {
            tree.append(MerkleTree.leafHash(new byte[]{(byte) i}));
        }
        return tree;
    }

    private ConsumerRecord<String, byte[]> event(String id) {
        return received(TopicRecords.of(log, id, AcmeStory.ericSetsTheDefaultVpc(AcmeStory.US_VPC, null, 7),
                json));
    }

    /** Logs that hold nothing yet. */
    private static final class EmptyLogs extends OrganizationLogs {

        EmptyLogs() {
            super(null, null);
        }

        @Override
        public Map<OrganizationId, CompactRange> trees(Collection<OrganizationId> organizations) {
            return organizations.stream().collect(Collectors.toMap(organization -> organization,
                    organization -> CompactRange.empty()));
        }

        @Override
        public Set<String> alreadyLogged(Collection<String> eventIds) {
            return Set.of();
        }
    }

    /** Records the events of each committed transaction; one event may be made to fail, as a database would. */
    private static final class RecordingProjector extends Projector {

        final List<List<String>> transactions = new ArrayList<>();
        String failOn;

        RecordingProjector() {
            super(null, null, null, List.of(), null, null);
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

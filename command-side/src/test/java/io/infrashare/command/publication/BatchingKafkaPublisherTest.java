package io.infrashare.command.publication;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The publishing processor's batch: every record is sent before any acknowledgement is awaited, and the batch (with
 * its token) commits only once Kafka acknowledged all of them. The broker is Kafka's {@link MockProducer} here, whose
 * acknowledgements the test gives one by one; {@link BatchingKafkaPublisherIT} publishes to a real broker.
 */
class BatchingKafkaPublisherTest {

    private final List<MockProducer<String, byte[]>> producers = new CopyOnWriteArrayList<>();
    private final List<Duration> closedWithin = new CopyOnWriteArrayList<>();
    private final Set<String> refusedAtOnce = ConcurrentHashMap.newKeySet();
    private MockProducer<String, byte[]> kafka = newProducer();
    private final AtomicBoolean tokenStored = new AtomicBoolean();
    private final AtomicBoolean rolledBack = new AtomicBoolean();
    private final ExecutorService processor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        processor.shutdownNow();
    }

    @Test
    void sendsTheWholeBatchBeforeAwaitingAnAcknowledgementAndCommitsOnceAllAreIn() {
        CompletableFuture<Void> batch = batchOf(publisher(Duration.ofSeconds(10)), "a", "b", "c");

        await().until(() -> kafka.history().size() == 3);
        assertThat(kafka.history()).extracting(ProducerRecord::key).containsExactly("a", "b", "c");
        kafka.completeNext();
        kafka.completeNext();
        assertThat(batch).isNotDone();
        assertThat(tokenStored).isFalse();

        kafka.completeNext();
        batch.join();
        assertThat(tokenStored).isTrue();
    }

    @Test
    void aRecordKafkaRefusesFailsTheWholeBatchSoItIsSentAgain() {
        CompletableFuture<Void> batch = batchOf(publisher(Duration.ofSeconds(10)), "a", "b");

        await().until(() -> kafka.history().size() == 2);
        kafka.completeNext();
        kafka.errorNext(new RecordTooLargeException("too large"));

        assertThatThrownBy(batch::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(EventPublicationFailedException.class).hasMessageContaining("too large");
        assertThat(tokenStored).isFalse();
        assertThat(rolledBack).isTrue();
    }

    @Test
    void afterAFailedBatchWhatItsProducerStillHoldsIsAbandonedAndTheBatchGoesAgainThroughANewOne() {
        BatchingKafkaPublisher publisher = publisher(Duration.ofSeconds(10));
        CompletableFuture<Void> failed = batchOf(publisher, "a", "b", "c");
        await().until(() -> kafka.history().size() == 3);
        MockProducer<String, byte[]> first = kafka;
        first.errorNext(new NotEnoughReplicasException("broker gone"));
        assertThatThrownBy(failed::join).cause().isInstanceOf(EventPublicationFailedException.class);

        // closed without waiting: b and c, still held, are abandoned instead of being delivered behind a resent a
        assertThat(first.closed()).isTrue();
        assertThat(closedWithin).containsExactly(Duration.ZERO);
        CompletableFuture<Void> again = batchOf(publisher, "a", "b", "c");
        await().until(() -> producers.size() == 2 && producers.get(1).history().size() == 3);
        MockProducer<String, byte[]> second = producers.get(1);
        assertThat(second.history()).extracting(ProducerRecord::key).containsExactly("a", "b", "c");
        second.completeNext();
        second.completeNext();
        second.completeNext();
        again.join();
        assertThat(tokenStored).isTrue();
    }

    @Test
    void aRecordRefusedAtOnceStopsTheBatchBeforeItsLaterRecordsCanOvertakeIt() {
        refusedAtOnce.add("a");

        CompletableFuture<Void> batch = batchOf(publisher(Duration.ofSeconds(10)), "a", "b");

        assertThatThrownBy(batch::join).cause().isInstanceOf(EventPublicationFailedException.class)
                .hasMessageContaining("not present in metadata");
        assertThat(kafka.history()).isEmpty();
        assertThat(closedWithin).containsExactly(Duration.ZERO);
        assertThat(tokenStored).isFalse();
    }

    @Test
    void aBatchNotAcknowledgedInTimeFails() {
        CompletableFuture<Void> batch = batchOf(publisher(Duration.ofMillis(200)), "a");

        assertThatThrownBy(batch::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(EventPublicationFailedException.class).hasMessageContaining("within 200 ms");
        assertThat(tokenStored).isFalse();
    }

    @Test
    void eachBatchAwaitsOnlyItsOwnRecords() {
        BatchingKafkaPublisher publisher = publisher(Duration.ofSeconds(10));
        CompletableFuture<Void> first = batchOf(publisher, "a");
        await().until(() -> kafka.history().size() == 1);
        kafka.completeNext();
        first.join();

        tokenStored.set(false);
        CompletableFuture<Void> second = batchOf(publisher, "b");
        await().until(() -> kafka.history().size() == 2);
        assertThat(second).isNotDone();
        kafka.completeNext();
        second.join();
        assertThat(tokenStored).isTrue();
    }

    /**
     * A batch as the processor runs it, on a thread of its own: the events handled in one unit of work, the token
     * stored when it commits.
     */
    private CompletableFuture<Void> batchOf(BatchingKafkaPublisher publisher, String... keys) {
        return CompletableFuture.runAsync(() -> {
            DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
            batch.onCommit(unitOfWork -> tokenStored.set(true));
            batch.onRollback(unitOfWork -> rolledBack.set(true));
            try {
                for (String key : keys) {
                    publisher.send(GenericEventMessage.asEventMessage(key));
                }
            } catch (RuntimeException failed) {
                // a handler's failure rolls the processor's batch back
                batch.rollback(failed);
                throw failed;
            }
            batch.commit();
        }, processor);
    }

    private BatchingKafkaPublisher publisher(Duration ackTimeout) {
        return new BatchingKafkaPublisher(() -> kafka.closed() ? kafka = newProducer() : kafka,
                BatchingKafkaPublisherTest::keyedByPayload, ackTimeout);
    }

    private MockProducer<String, byte[]> newProducer() {
        MockProducer<String, byte[]> producer =
                new MockProducer<>(false, new StringSerializer(), new ByteArraySerializer()) {
                    @Override
                    public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record,
                                                                    Callback callback) {
                        if (refusedAtOnce.contains(record.key())) {
                            // as KafkaProducer does when the topic's metadata does not come within max.block.ms
                            var refusal = new org.apache.kafka.common.errors.TimeoutException(
                                    "Topic events not present in metadata after 10000 ms.");
                            callback.onCompletion(null, refusal);
                            return CompletableFuture.failedFuture(refusal);
                        }
                        return super.send(record, callback);
                    }

                    @Override
                    public void close(Duration timeout) {
                        closedWithin.add(timeout);
                        super.close(timeout);
                    }
                };
        producers.add(producer);
        return producer;
    }

    private static ProducerRecord<String, byte[]> keyedByPayload(EventMessage<?> event) {
        String payload = (String) event.getPayload();
        return new ProducerRecord<>("events", payload, payload.getBytes(StandardCharsets.UTF_8));
    }
}

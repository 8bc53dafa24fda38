package io.infrashare.command.publication;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Publishes the events of the store to Kafka, as the handler of the publishing processor: it sends each event of the
 * processor's batch as soon as it is handled and awaits the acknowledgements of the whole batch once, before the
 * batch's token is stored. Awaiting each record's acknowledgement before sending the next, as the Axon Kafka
 * extension's publisher did, took one broker round trip per event, and publication fell behind from a few clients on.
 * It owns its producers and uses no publisher of a framework, so what it sends, and when it counts an event as
 * published, changes only here.
 * <p>
 * If any record of a batch is not acknowledged in time, the batch fails, its token is not stored, and the processor
 * handles the batch again: records Kafka had taken are then sent twice, with the same {@code ce_id}. The producer the
 * batch went through is closed at once, abandoning what it still holds, and the next batch gets a new one: otherwise
 * the old producer could deliver later records of the failed batch after an earlier one had given up, and the batch
 * sent again would put that earlier one behind them. For the same reason a batch sends no more records once one of
 * them failed, and the acknowledgement timeout, counted from the batch's first record, is shorter than the
 * producer's own delivery timeout, so that the producer never gives up on a record by itself first.
 */
final class BatchingKafkaPublisher implements EventMessageHandler {

    private static final Logger log = LoggerFactory.getLogger(BatchingKafkaPublisher.class);
    private static final String ACKNOWLEDGEMENTS = BatchingKafkaPublisher.class.getName() + ".acknowledgements";

    private final Supplier<Producer<String, byte[]>> producers;
    private final Function<EventMessage<?>, ProducerRecord<String, byte[]>> records;
    private final Duration acknowledgementTimeout;
    private Producer<String, byte[]> producer;

    /**
     * @param producers makes a producer, when the first batch needs one and after a batch failed
     * @param records   the record of each event, topic included
     */
    BatchingKafkaPublisher(Supplier<Producer<String, byte[]>> producers,
                           Function<EventMessage<?>, ProducerRecord<String, byte[]>> records,
                           Duration acknowledgementTimeout) {
        this.producers = producers;
        this.records = records;
        this.acknowledgementTimeout = acknowledgementTimeout;
    }

    /** Sends the event, whose acknowledgement its batch awaits before it commits; a failure fails the batch. */
    @Override
    public Object handle(EventMessage<?> event) {
        send(event);
        return null;
    }

    /** Publication follows the store from where it stands: a reset would publish the history again. */
    @Override
    public boolean supportsReset() {
        return false;
    }

    void send(EventMessage<?> event) {
        Batch batch = batch(CurrentUnitOfWork.get().root());
        // a record the producer refused (at once: no topic metadata within max.block.ms, too large) has no place in
        // the partition's sequence, so a later record could go out before it: send no more of this batch
        batch.stopIfFailed();
        batch.acknowledgements.add(batch.producer.send(records.apply(event), batch));
    }

    synchronized void shutDown() {
        if (producer != null) {
            producer.close(acknowledgementTimeout);
            producer = null;
        }
    }

    /**
     * The batch's producer and pending acknowledgements, awaited together when the batch is about to commit. A batch
     * that does not commit, for whatever reason, abandons its producer.
     */
    private Batch batch(UnitOfWork<?> unitOfWork) {
        return unitOfWork.getOrComputeResource(ACKNOWLEDGEMENTS, key -> {
            Batch batch = new Batch(producer());
            unitOfWork.onPrepareCommit(committing -> awaitAll(batch));
            unitOfWork.onRollback(rolledBack -> abandon(batch.producer));
            return batch;
        });
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }

    /** Waits at most the acknowledgement timeout from the batch's first record, which the producer still holds. */
    private void awaitAll(Batch batch) {
        long deadline = batch.started + acknowledgementTimeout.toNanos();
        try {
            for (Future<RecordMetadata> acknowledgement : batch.acknowledgements) {
                acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw refused(e.getCause());
        } catch (TimeoutException e) {
            throw new EventPublicationFailedException("Kafka did not acknowledge the batch's "
                    + batch.acknowledgements.size() + " events within " + acknowledgementTimeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublicationFailedException("Interrupted while awaiting Kafka's acknowledgements", e);
        }
    }

    private synchronized void abandon(Producer<String, byte[]> failed) {
        log.info("Publication of a batch failed; its producer is closed with what it still holds, and the batch will"
                + " be sent again through a new one");
        failed.close(Duration.ZERO);
        if (producer == failed) {
            producer = null;
        }
    }

    /** A batch's records in flight; told of each record's outcome by the producer. */
    private static final class Batch implements Callback {

        private final Producer<String, byte[]> producer;
        private final List<Future<RecordMetadata>> acknowledgements = new ArrayList<>();
        private final long started = System.nanoTime();
        private volatile Exception failure;

        private Batch(Producer<String, byte[]> producer) {
            this.producer = producer;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception exception) {
            if (exception != null && failure == null) {
                failure = exception;
            }
        }

        private void stopIfFailed() {
            Exception failed = failure;
            if (failed != null) {
                throw refused(failed);
            }
        }
    }

    private static EventPublicationFailedException refused(Throwable cause) {
        return new EventPublicationFailedException("Kafka did not take an event of the batch: " + cause.getMessage(),
                cause);
    }
}

package io.infrashare.command.publication;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.messaging.EventPublicationFailedException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends each event of the publishing processor's batch as soon as it is handled and awaits the acknowledgements of
 * the whole batch once, before the batch's token is stored. The extension's own publisher waits for each record's
 * acknowledgement before sending the next, so a batch took one broker round trip per event and publication fell
 * behind from a few clients on.
 * <p>
 * If any record of a batch is not acknowledged in time, the batch fails, its token is not stored, and the processor
 * handles the batch again: records Kafka had taken are then sent twice, with the same {@code ce_id}.
 */
final class BatchingKafkaPublisher extends KafkaPublisher<String, byte[]> {

    private static final String ACKNOWLEDGEMENTS = BatchingKafkaPublisher.class.getName() + ".acknowledgements";

    private final ProducerFactory<String, byte[]> producers;
    private final KafkaMessageConverter<String, byte[]> records;
    private final String topic;
    private final Duration acknowledgementTimeout;

    BatchingKafkaPublisher(ProducerFactory<String, byte[]> producers, KafkaMessageConverter<String, byte[]> records,
                           Serializer serializer, String topic, Duration acknowledgementTimeout) {
        super(KafkaPublisher.<String, byte[]>builder().producerFactory(producers).messageConverter(records)
                .serializer(serializer).topic(topic));
        this.producers = producers;
        this.records = records;
        this.topic = topic;
        this.acknowledgementTimeout = acknowledgementTimeout;
    }

    @Override
    public <T extends EventMessage<?>> void send(T event) {
        Producer<String, byte[]> producer = producers.createProducer();
        acknowledgements(CurrentUnitOfWork.get().root()).add(producer.send(records.createKafkaMessage(event, topic)));
    }

    /** The batch's pending acknowledgements, awaited together when the batch is about to commit. */
    private List<Future<RecordMetadata>> acknowledgements(UnitOfWork<?> batch) {
        return batch.getOrComputeResource(ACKNOWLEDGEMENTS, key -> {
            List<Future<RecordMetadata>> pending = new ArrayList<>();
            batch.onPrepareCommit(committing -> awaitAll(pending));
            return pending;
        });
    }

    private void awaitAll(List<Future<RecordMetadata>> pending) {
        long deadline = System.nanoTime() + acknowledgementTimeout.toNanos();
        for (Future<RecordMetadata> acknowledgement : pending) {
            try {
                acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new EventPublicationFailedException("Kafka did not take an event of the batch: "
                        + e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                throw new EventPublicationFailedException("Kafka did not acknowledge the batch's " + pending.size()
                        + " events within " + acknowledgementTimeout.toMillis() + " ms", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EventPublicationFailedException("Interrupted while awaiting Kafka's acknowledgements", e);
            }
        }
    }
}

package io.infrashare.command.publication;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.command.log.CheckpointIssuer;
import io.infrashare.command.log.SignedCheckpoint;
import io.infrashare.events.Topic;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Publishes the organizations' signed checkpoints on the checkpoint topic, on a thread of its own: every
 * {@code infrashare.log.checkpoint-delay} it has the {@link CheckpointIssuer} sign those due, sends them, and the
 * issuer records those Kafka acknowledged. One that is not acknowledged in time is not recorded, so it is due again
 * in the next round. A checkpoint's record is keyed by its organization; its value is the checkpoint's JSON.
 */
final class CheckpointPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointPublisher.class);

    private final CheckpointIssuer issuer;
    private final Supplier<Producer<String, byte[]>> producers;
    private final ObjectMapper json;
    private final String topic;
    private final Duration delay;
    private final Duration acknowledgementTimeout;
    private ScheduledExecutorService executor;
    /** Only the issuing thread uses it, until it stopped. */
    private Producer<String, byte[]> producer;

    CheckpointPublisher(CheckpointIssuer issuer, Supplier<Producer<String, byte[]>> producers, ObjectMapper json,
                        String topic, Duration delay, Duration acknowledgementTimeout) {
        this.issuer = issuer;
        this.producers = producers;
        this.json = json;
        this.topic = topic;
        this.delay = delay;
        this.acknowledgementTimeout = acknowledgementTimeout;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "checkpoints"));
        executor.scheduleWithFixedDelay(this::issue, delay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A round that fails (the database or the broker away) is logged; the next one tries again. */
    private void issue() {
        try {
            List<SignedCheckpoint> issued = issuer.issue(this::publish);
            if (!issued.isEmpty()) {
                log.debug("Issued {} checkpoint(s)", issued.size());
            }
        } catch (RuntimeException e) {
            log.warn("Checkpoints could not be issued ({}); trying again in {} ms", e.getMessage(), delay.toMillis());
        }
    }

    private List<SignedCheckpoint> publish(List<SignedCheckpoint> due) {
        if (due.isEmpty()) {
            return List.of();
        }
        if (producer == null) {
            producer = producers.get();
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (SignedCheckpoint checkpoint : due) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(Topic.Headers.CONTENT_TYPE, Topic.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            Future<RecordMetadata> send = producer.send(new ProducerRecord<>(topic, null, checkpoint.organization(),
                    checkpoint.json(json), headers));
            sent.add(send);
            // refused at once (no broker within max.block.ms): the others would each wait as long, so they wait for
            // the next round
            if (send.isDone() && failed(send)) {
                break;
            }
        }
        long deadline = System.nanoTime() + acknowledgementTimeout.toNanos();
        List<SignedCheckpoint> acknowledged = new ArrayList<>();
        try {
            for (int i = 0; i < sent.size(); i++) {
                sent.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(due.get(i));
            }
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Kafka did not acknowledge {} of {} checkpoint(s) ({}); they are issued again in the next round",
                    due.size() - acknowledged.size(), due.size(), e.getMessage());
            producer.close(Duration.ZERO);
            producer = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return acknowledged;
    }

    private static boolean failed(Future<RecordMetadata> send) {
        try {
            send.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    @Override
    public void stop() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(acknowledgementTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (producer != null) {
            producer.close(acknowledgementTimeout);
            producer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null && !executor.isShutdown();
    }
}

package io.infrashare.query.ingest;

import io.infrashare.events.Topic;
import io.infrashare.query.log.LogChain;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Feeds the event topic to the projector, a poll's records at a time. The container commits their offsets only after
 * this returns, that is after their transaction committed; a record that fails goes to the error handler of
 * {@link IngestConfiguration}, after the records before it were applied.
 */
@Component
class TopicListener {

    private static final Logger log = LoggerFactory.getLogger(TopicListener.class);
    private static final String CORRELATION_ID = "correlationId";
    /** The listener container's id, by which it is stopped and started for a rebuild. */
    static final String ID = "projections";

    private final EventRecords records;
    private final LogChain chain;
    private final Projector projector;
    private final IngestProperties properties;
    private final KafkaProperties kafka;
    private final Timer applyTime;
    private final Counter applied;

    TopicListener(EventRecords records, LogChain chain, Projector projector, IngestProperties properties,
                  KafkaProperties kafka, MeterRegistry meters) {
        this.records = records;
        this.chain = chain;
        this.projector = projector;
        this.properties = properties;
        this.kafka = kafka;
        this.applyTime = Timer.builder("infrashare.projection.apply")
                .description("Time to apply one poll's records to every read model, redeliveries included")
                .register(meters);
        this.applied = Counter.builder("infrashare.projection.applied")
                .description("Events applied to the read models since start")
                .register(meters);
    }

    /**
     * Applies a poll's records in one transaction, and the container commits their offsets once it returns. If one
     * cannot be read, or does not fit its organization's log ({@link LogChain}), the ones before it are applied and it
     * is handed to the error handler by its index; if applying
     * them together fails, they are applied one by one, so that those before the failing one are kept and only it
     * goes to the error handler (which retries it, or waits for the database, and then records it as not applied).
     */
    @KafkaListener(id = ID, idIsGroup = false, topics = "${infrashare.topic}", batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> batch) {
        List<IncomingEvent> events = new ArrayList<>(batch.size());
        UnreadableRecord unreadable = null;
        for (int i = 0; i < batch.size() && unreadable == null; i++) {
            try {
                events.add(records.decode(batch.get(i)));
            } catch (UnreadableRecord e) {
                unreadable = e;
            }
        }
        Optional<LogChain.Misfit> misfit = chain.firstMisfit(events.stream()
                .map(event -> new LogChain.Candidate(event.id(), event.event().organization(), event.seal()))
                .toList());
        if (misfit.isPresent()) {
            int index = misfit.get().index();
            applyAll(events.subList(0, index));
            IncomingEvent refused = events.get(index);
            String message = "Event " + refused.id() + " (" + refused.event().eventType() + ") does not fit its"
                    + " organization's log: " + misfit.get().reason();
            throw new BatchListenerFailedException(message, new UntrustedRecord(message), index);
        }
        applyAll(events);
        if (unreadable != null) {
            throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, events.size());
        }
    }

    private void applyAll(List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try {
            applied.increment(projector.applyAll(events));
        } catch (RuntimeException together) {
            log.debug("Applying {} events together failed; applying them one by one", events.size(), together);
            for (int i = 0; i < events.size(); i++) {
                IncomingEvent incoming = events.get(i);
                int index = i;
                withCorrelationId(incoming, () -> applyOne(incoming, index));
            }
        } finally {
            applyTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private void applyOne(IncomingEvent incoming, int index) {
        try {
            projector.apply(incoming).ifPresent(event -> applied.increment());
        } catch (RuntimeException e) {
            throw new BatchListenerFailedException("Event " + incoming.id() + " could not be applied", e, index);
        }
    }

    /** The command side's request id in the log lines about the event, so both sides' lines can be found together. */
    private static void withCorrelationId(IncomingEvent incoming, Runnable work) {
        String correlationId = incoming.event().provenance().correlationId();
        MDC.put(CORRELATION_ID, correlationId);
        try {
            work.run();
        } finally {
            MDC.remove(CORRELATION_ID);
        }
    }

    @EventListener(ApplicationStartedEvent.class)
    void announce() {
        log.info("Projecting topic {} from {} as consumer group {}; records that cannot be read go to {}",
                properties.topic(), String.join(",", kafka.getBootstrapServers()), kafka.getConsumer().getGroupId(),
                properties.deadLetterTopic());
    }
}

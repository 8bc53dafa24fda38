package io.infrashare.query.ingest;

import io.infrashare.events.Topic;
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
import org.springframework.stereotype.Component;

/**
 * Feeds the event topic to the projector, one record at a time. The container commits a record's offset only after
 * this returns, that is after the record's transaction committed; a failure goes to the error handler of
 * {@link IngestConfiguration}.
 */
@Component
class TopicListener {

    private static final Logger log = LoggerFactory.getLogger(TopicListener.class);
    private static final String CORRELATION_ID = "correlationId";
    /** The listener container's id, by which it is stopped and started for a rebuild. */
    static final String ID = "projections";

    private final EventRecords records;
    private final Projector projector;
    private final IngestProperties properties;
    private final KafkaProperties kafka;
    private final Timer applyTime;
    private final Counter applied;

    TopicListener(EventRecords records, Projector projector, IngestProperties properties, KafkaProperties kafka,
                  MeterRegistry meters) {
        this.records = records;
        this.projector = projector;
        this.properties = properties;
        this.kafka = kafka;
        this.applyTime = Timer.builder("infrashare.projection.apply")
                .description("Time to apply one record to every read model, redeliveries included")
                .register(meters);
        this.applied = Counter.builder("infrashare.projection.applied")
                .description("Events applied to the read models since start")
                .register(meters);
    }

    @KafkaListener(id = ID, idIsGroup = false, topics = "${infrashare.topic}")
    void on(ConsumerRecord<String, byte[]> record) {
        // the command side's request id, so that both sides' log lines about one request can be found together
        String correlationId = EventRecords.header(record, Topic.Headers.CORRELATION_ID);
        if (correlationId != null) {
            MDC.put(CORRELATION_ID, correlationId);
        }
        try {
            IncomingEvent incoming = records.decode(record);
            applyTime.record(() -> projector.apply(incoming).ifPresent(event -> applied.increment()));
        } finally {
            MDC.remove(CORRELATION_ID);
        }
    }

    @EventListener(ApplicationStartedEvent.class)
    void announce() {
        log.info("Projecting topic {} from {} as consumer group {}; records that cannot be applied go to {}",
                properties.topic(), String.join(",", kafka.getBootstrapServers()), kafka.getConsumer().getGroupId(),
                properties.deadLetterTopic());
    }
}

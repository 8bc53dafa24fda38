package io.infrashare.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.EventCodec;
import io.infrashare.events.EventSchemas;
import io.infrashare.events.EventTypes;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.Topic;
import io.infrashare.events.WireRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Records as the command side publishes them, written by the contract's {@link EventCodec} and sealed by a
 * {@link LogSealer}, for a Kafka producer.
 */
public final class TopicRecords {

    private TopicRecords() {
    }

    /** The record of the event, sealed as the next of its organization's log. */
    public static ProducerRecord<String, byte[]> of(LogSealer log, String id, InfrashareEvent event, ObjectMapper json) {
        return of(log, Topic.NAME, id, event, json);
    }

    /** The record of the event on {@code topic}, sealed as the next of its organization's log. */
    public static ProducerRecord<String, byte[]> of(LogSealer log, String topic, String id, InfrashareEvent event,
                                                    ObjectMapper json) {
        return of(topic, log.seal(id, new EventCodec(json).encode(id, event)));
    }

    public static ProducerRecord<String, byte[]> of(String topic, WireRecord record) {
        var published = new ProducerRecord<>(topic, record.key(), record.value());
        record.forEachHeader(published.headers()::add);
        return published;
    }

    /**
     * The record of {@code event} relabelled as {@code type}, with the schema of that type if the contract has it,
     * and {@code value} as its value: a type this side cannot read, or a value that is not the type's JSON.
     */
    public static ProducerRecord<String, byte[]> unreadable(String id, InfrashareEvent event, String type,
                                                            String value, ObjectMapper json) {
        WireRecord record = new EventCodec(json).encode(id, event).withHeader(Topic.Headers.TYPE, type)
                .withoutHeader(Topic.Headers.DATA_SCHEMA).withValue(value.getBytes(StandardCharsets.UTF_8));
        if (EventTypes.forType(type).isPresent()) {
            record = record.withHeader(Topic.Headers.DATA_SCHEMA, EventSchemas.currentDataschema(type).toString());
        }
        return of(Topic.NAME, record);
    }

    /** A received record as the contract's codec reads it. */
    public static WireRecord wire(ConsumerRecord<String, byte[]> record) {
        return WireRecord.read(record.key(), record.headers(), Header::key, Header::value, record.value());
    }

    /** The record as a consumer of the topic receives it. */
    public static ConsumerRecord<String, byte[]> received(ProducerRecord<String, byte[]> published) {
        return new ConsumerRecord<>(published.topic(), 0, 0L, 0L, TimestampType.CREATE_TIME, 0, 0,
                published.key(), published.value(), new RecordHeaders(published.headers().toArray()), Optional.empty());
    }
}

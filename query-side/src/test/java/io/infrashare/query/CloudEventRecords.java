package io.infrashare.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.EventSchemas;
import io.infrashare.events.EventTypes;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.Topic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

/** Records as the command side publishes them: CloudEvents 1.0 in binary mode, keyed by organization. */
public final class CloudEventRecords {

    private CloudEventRecords() {
    }

    public static ProducerRecord<String, byte[]> of(String topic, String id, InfrashareEvent event, ObjectMapper json) {
        try {
            return of(topic, id, event.eventType(), event.organization().value(), json.writeValueAsBytes(event),
                    event.subject(), DateTimeFormatter.ISO_INSTANT.format(event.provenance().occurredAt()),
                    event.provenance().correlationId());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ProducerRecord<String, byte[]> of(String topic, String id, String type, String organization,
                                                    byte[] value, String subject, String time, String correlationId) {
        var record = new ProducerRecord<>(topic, organization, value);
        header(record, Topic.Headers.ID, id);
        header(record, Topic.Headers.SOURCE, Topic.SOURCE);
        header(record, Topic.Headers.TYPE, type);
        header(record, Topic.Headers.TIME, time);
        header(record, Topic.Headers.SUBJECT, subject);
        if (EventTypes.forType(type).isPresent()) {
            header(record, Topic.Headers.DATA_SCHEMA, EventSchemas.currentDataschema(type).toString());
        }
        header(record, Topic.Headers.SPEC_VERSION, Topic.SPEC_VERSION);
        header(record, Topic.Headers.CONTENT_TYPE, Topic.CONTENT_TYPE);
        header(record, Topic.Headers.ORGANIZATION, organization);
        header(record, Topic.Headers.CORRELATION_ID, correlationId);
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}

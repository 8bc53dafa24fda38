package io.infrashare.command.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.EventSchemas;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Writes a stored event as a CloudEvents record in binary content mode: the attributes in {@code ce_} headers (the
 * {@code dataschema} names the schema revision the value conforms to), the event's JSON as the value, the organization as the key so one organization's history stays in one partition.
 */
class CloudEventRecords implements KafkaMessageConverter<String, byte[]> {

    private final ObjectMapper json;

    CloudEventRecords(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public ProducerRecord<String, byte[]> createKafkaMessage(EventMessage<?> message, String topic) {
        if (!(message.getPayload() instanceof InfrashareEvent event)) {
            throw new IllegalArgumentException("Not an event of the contract: " + message.getPayloadType());
        }
        RecordHeaders headers = new RecordHeaders();
        header(headers, Topic.Headers.ID, message.getIdentifier());
        header(headers, Topic.Headers.SOURCE, Topic.SOURCE);
        header(headers, Topic.Headers.TYPE, event.eventType());
        header(headers, Topic.Headers.TIME, event.provenance().occurredAt().toString());
        header(headers, Topic.Headers.SUBJECT, event.subject());
        header(headers, Topic.Headers.DATA_SCHEMA, EventSchemas.currentDataschema(event.eventType()).toString());
        header(headers, Topic.Headers.SPEC_VERSION, Topic.SPEC_VERSION);
        header(headers, Topic.Headers.CONTENT_TYPE, Topic.CONTENT_TYPE);
        header(headers, Topic.Headers.ORGANIZATION, event.organization().value());
        header(headers, Topic.Headers.CORRELATION_ID, event.provenance().correlationId());
        return new ProducerRecord<>(topic, null, event.organization().value(), data(event), headers);
    }

    private byte[] data(InfrashareEvent event) {
        try {
            return json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + event.eventType() + " cannot be written as JSON", e);
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The command side publishes the topic and never reads it back. */
    @Override
    public Optional<EventMessage<?>> readKafkaMessage(ConsumerRecord<String, byte[]> consumerRecord) {
        return Optional.empty();
    }
}

package io.infrashare.command.publication;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.command.log.LogSeals;
import io.infrashare.events.EventCodec;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.WireRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.eventhandling.EventMessage;

import java.util.function.Function;

/**
 * Writes a stored event as its record on the topic, as the contract's {@link EventCodec} lays it out, sealed as the
 * next entry of its organization's log ({@link LogSeals}): the stored event's identifier is its CloudEvents
 * {@code id}, so a record sent again carries the same one, and its seal too.
 */
class CloudEventRecords implements Function<EventMessage<?>, ProducerRecord<String, byte[]>> {

    private final EventCodec codec;
    private final LogSeals seals;
    private final String topic;

    CloudEventRecords(ObjectMapper json, LogSeals seals, String topic) {
        this.codec = new EventCodec(json);
        this.seals = seals;
        this.topic = topic;
    }

    @Override
    public ProducerRecord<String, byte[]> apply(EventMessage<?> message) {
        if (!(message.getPayload() instanceof InfrashareEvent event)) {
            throw new IllegalArgumentException("Not an event of the contract: " + message.getPayloadType());
        }
        WireRecord record = seals.seal(codec.encode(message.getIdentifier(), event));
        RecordHeaders headers = new RecordHeaders();
        record.forEachHeader(headers::add);
        return new ProducerRecord<>(topic, null, record.key(), record.value(), headers);
    }
}

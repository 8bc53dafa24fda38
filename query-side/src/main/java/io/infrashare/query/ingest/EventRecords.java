package io.infrashare.query.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.EventCodec;
import io.infrashare.events.LogSeal;
import io.infrashare.events.UnreadableEventException;
import io.infrashare.events.WireRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;

/**
 * Reads a Kafka record as the command side writes it, with the contract's {@link EventCodec}: CloudEvents 1.0 in
 * binary mode, upcast to the revision the event records have, and its {@link LogSeal}. A record the codec cannot read
 * (a header missing, an unknown type, a value that is not its JSON, a key or {@code ce_organization} that does not name
 * the event's organization) is an {@link UnreadableRecord}; one without a readable seal an {@link UntrustedRecord}.
 */
@Component
class EventRecords {

    private final EventCodec codec;

    @Autowired
    EventRecords(ObjectMapper json) {
        this(new EventCodec(json));
    }

    EventRecords(EventCodec codec) {
        this.codec = codec;
    }

    IncomingEvent decode(ConsumerRecord<String, byte[]> record) {
        WireRecord wire = WireRecord.read(record.key(), record.headers(), Header::key, Header::value, record.value());
        EventCodec.Decoded decoded;
        try {
            decoded = codec.decode(wire);
        } catch (UnreadableEventException e) {
            // what the codec could not read, as its own cause (the JSON's error): the record is this side's concern
            throw new UnreadableRecord(e.getMessage(), e.getCause());
        }
        try {
            return new IncomingEvent(decoded.id(), decoded.event(), LogSeal.of(wire));
        } catch (UnreadableEventException e) {
            throw new UntrustedRecord("Event " + decoded.id() + " does not say where it sits in its organization's"
                    + " log: " + e.getMessage());
        }
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

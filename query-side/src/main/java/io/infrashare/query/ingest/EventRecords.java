package io.infrashare.query.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.EventTypes;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads a record as the command side writes it: CloudEvents 1.0 in binary mode, the {@code ce_} attributes in
 * headers, the event's JSON as the value, the organization as the key.
 */
@Component
class EventRecords {

    private final ObjectMapper json;

    EventRecords(ObjectMapper json) {
        this.json = json;
    }

    IncomingEvent decode(ConsumerRecord<String, byte[]> record) {
        String id = required(record, Topic.Headers.ID);
        String type = required(record, Topic.Headers.TYPE);
        Class<? extends InfrashareEvent> eventClass = EventTypes.forType(type)
                .orElseThrow(() -> new UnreadableRecord("Unknown event type '" + type + "' of event " + id));
        if (record.value() == null) {
            throw new UnreadableRecord("Event " + id + " has no value");
        }
        InfrashareEvent event = read(record.value(), eventClass, id);
        if (event.organization() == null || event.provenance() == null) {
            throw new UnreadableRecord("Event " + id + " names no organization or provenance");
        }
        // the key and the header are what Kafka and routers see; an event that disagrees with them is not trusted
        String organization = event.organization().value();
        String headerOrganization = header(record, Topic.Headers.ORGANIZATION);
        if ((record.key() != null && !record.key().equals(organization))
                || (headerOrganization != null && !headerOrganization.equals(organization))) {
            throw new UnreadableRecord("Event " + id + " of organization '" + organization
                    + "' came with key '" + record.key() + "' and " + Topic.Headers.ORGANIZATION + " '"
                    + headerOrganization + "'");
        }
        return new IncomingEvent(id, event);
    }

    private InfrashareEvent read(byte[] value, Class<? extends InfrashareEvent> eventClass, String id) {
        try {
            return json.readValue(value, eventClass);
        } catch (JacksonException e) {
            throw new UnreadableRecord("Event " + id + " is not a valid " + eventClass.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UnreadableRecord("Event " + id + " could not be read: " + e.getMessage(), e);
        }
    }

    private static String required(ConsumerRecord<String, byte[]> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new UnreadableRecord("Record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                    + " has no " + name + " header");
        }
        return value;
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

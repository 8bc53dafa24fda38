package io.infrashare.query.ingest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrashare.events.EventSchemas;
import io.infrashare.events.EventTypes;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.Topic;
import io.infrashare.events.Upcasters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.ToIntFunction;

/**
 * Reads a record as the command side writes it: CloudEvents 1.0 in binary mode, the {@code ce_} attributes in
 * headers, the event's JSON as the value, the organization as the key. A value in an older revision of its schema
 * (the {@code ce_dataschema}; none means the first) is upcast to the revision the event records have. A record
 * without a key or without the {@code ce_organization} header, or whose key, header and event name different
 * organizations, is unreadable.
 */
@Component
class EventRecords {

    private final ObjectMapper json;
    private final Upcasters upcasters;
    private final ToIntFunction<String> currentRevision;

    @Autowired
    EventRecords(ObjectMapper json) {
        this(json, Upcasters.ofContract(), EventSchemas::currentRevision);
    }

    /** Reads records with other upcasters and revisions than the contract's. */
    EventRecords(ObjectMapper json, Upcasters upcasters, ToIntFunction<String> currentRevision) {
        this.json = json;
        this.upcasters = upcasters;
        this.currentRevision = currentRevision;
    }

    IncomingEvent decode(ConsumerRecord<String, byte[]> record) {
        String id = required(record, Topic.Headers.ID);
        String type = required(record, Topic.Headers.TYPE);
        Class<? extends InfrashareEvent> eventClass = EventTypes.forType(type)
                .orElseThrow(() -> new UnreadableRecord("Unknown event type '" + type + "' of event " + id));
        if (record.value() == null) {
            throw new UnreadableRecord("Event " + id + " has no value");
        }
        InfrashareEvent event = read(record.value(), eventClass, id, revision(record, type, id));
        if (event.organization() == null || event.provenance() == null) {
            throw new UnreadableRecord("Event " + id + " names no organization or provenance");
        }
        // the key and the header are what Kafka and routers see: both must be there and name the event's own
        // organization, or the record is not trusted
        String organization = event.organization().value();
        String headerOrganization = header(record, Topic.Headers.ORGANIZATION);
        if (!organization.equals(record.key()) || !organization.equals(headerOrganization)) {
            throw new UnreadableRecord("Event " + id + " of organization '" + organization
                    + "' came with key '" + record.key() + "' and " + Topic.Headers.ORGANIZATION + " '"
                    + headerOrganization + "'");
        }
        return new IncomingEvent(id, event);
    }

    private static int revision(ConsumerRecord<String, byte[]> record, String type, String id) {
        String dataschema = header(record, Topic.Headers.DATA_SCHEMA);
        if (dataschema == null) {
            return EventSchemas.FIRST_REVISION;
        }
        return EventSchemas.parse(dataschema).filter(revision -> revision.type().equals(type))
                .map(EventSchemas.Revision::number)
                .orElseThrow(() -> new UnreadableRecord("Event " + id + " of type " + type + " names the schema '"
                        + dataschema + "', which is not one of that type's revisions"));
    }

    private InfrashareEvent read(byte[] value, Class<? extends InfrashareEvent> eventClass, String id, int revision) {
        try {
            String type = eventClass.getSimpleName();
            int current = currentRevision.applyAsInt(type);
            if (revision >= current) {
                return json.readValue(value, eventClass);
            }
            if (!(json.readTree(value) instanceof ObjectNode data)) {
                throw new UnreadableRecord("Event " + id + " is not a JSON object");
            }
            return json.treeToValue(upcasters.upcast(type, revision, current, data), eventClass);
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

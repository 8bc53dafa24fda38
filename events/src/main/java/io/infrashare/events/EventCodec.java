package io.infrashare.events;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * The one mapping between an event and its record on the topic: CloudEvents 1.0 in the Kafka protocol binding's
 * binary content mode. The attributes are {@code ce_} headers ({@link Topic.Headers}): {@code id}, {@code source},
 * {@code type} (the event's name), {@code time}, {@code subject}, {@code dataschema} (the schema revision the value
 * conforms to), {@code specversion}, the extensions {@code organization} and {@code correlationid}, and
 * {@code content-type}; the value is the event's JSON; the key is the organization, so one organization's history
 * stays in one partition. Publishers write records with {@link #encode}, consumers read them with {@link #decode};
 * neither needs a Kafka type here, a thin adapter on each side turns {@link WireRecord}s into its client's records.
 * <p>
 * The {@link ObjectMapper} writes and reads the events' JSON: it needs the {@code JavaTimeModule} for the instants,
 * and instants written as text ({@code WRITE_DATES_AS_TIMESTAMPS} off).
 */
public final class EventCodec {

    private final ObjectMapper json;
    private final Upcasters upcasters;
    private final ToIntFunction<String> currentRevision;

    public EventCodec(ObjectMapper json) {
        this(json, Upcasters.ofContract(), EventSchemas::currentRevision);
    }

    /** Reads records with other upcasters and current revisions than the contract's: a reader of a later revision. */
    public EventCodec(ObjectMapper json, Upcasters upcasters, ToIntFunction<String> currentRevision) {
        this.json = Objects.requireNonNull(json, "json");
        this.upcasters = Objects.requireNonNull(upcasters, "upcasters");
        this.currentRevision = Objects.requireNonNull(currentRevision, "currentRevision");
    }

    /** The record of {@code event}, whose CloudEvents {@code id} is {@code id}: the same on every redelivery. */
    public WireRecord encode(String id, InfrashareEvent event) {
        String type = event.eventType();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(Topic.Headers.ID, Objects.requireNonNull(id, "id"));
        headers.put(Topic.Headers.SOURCE, Topic.SOURCE);
        headers.put(Topic.Headers.TYPE, type);
        headers.put(Topic.Headers.TIME, event.provenance().occurredAt().toString());
        headers.put(Topic.Headers.SUBJECT, event.subject());
        headers.put(Topic.Headers.DATA_SCHEMA, EventSchemas.currentDataschema(type).toString());
        headers.put(Topic.Headers.SPEC_VERSION, Topic.SPEC_VERSION);
        headers.put(Topic.Headers.CONTENT_TYPE, Topic.CONTENT_TYPE);
        headers.put(Topic.Headers.ORGANIZATION, event.organization().value());
        headers.put(Topic.Headers.CORRELATION_ID, event.provenance().correlationId());
        try {
            return new WireRecord(event.organization().value(), headers, json.writeValueAsBytes(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + type + " cannot be written as JSON", e);
        }
    }

    /**
     * The event a record holds, upcast to the revision of the event records when its {@code ce_dataschema} names
     * an older one (none names the first).
     *
     * @throws UnreadableEventException if the record is not a CloudEvents 1.0 record of a known event type, its
     *                                  value is not that type's JSON, or its key, its {@code ce_organization} and
     *                                  the event do not all name the same organization
     */
    public Decoded decode(WireRecord record) {
        String id = required(record, Topic.Headers.ID);
        String specVersion = required(record, Topic.Headers.SPEC_VERSION);
        if (!Topic.SPEC_VERSION.equals(specVersion)) {
            throw new UnreadableEventException("Event " + id + " is CloudEvents " + specVersion + ", not "
                    + Topic.SPEC_VERSION);
        }
        required(record, Topic.Headers.SOURCE);
        String type = required(record, Topic.Headers.TYPE);
        String contentType = record.header(Topic.Headers.CONTENT_TYPE);
        if (contentType != null && !mediaType(contentType).equals(Topic.CONTENT_TYPE)) {
            throw new UnreadableEventException("Event " + id + " has the content type '" + contentType + "', not "
                    + Topic.CONTENT_TYPE);
        }
        Class<? extends InfrashareEvent> eventClass = EventTypes.forType(type)
                .orElseThrow(() -> new UnreadableEventException("Unknown event type '" + type + "' of event " + id));
        if (record.value() == null) {
            throw new UnreadableEventException("Event " + id + " has no value");
        }
        InfrashareEvent event = read(record.value(), eventClass, id, revision(record, type, id));
        if (event.organization() == null || event.provenance() == null) {
            throw new UnreadableEventException("Event " + id + " names no organization or provenance");
        }
        // the key and the header are what Kafka and routers see: both must be there and name the event's own
        // organization, or the record is not trusted
        String organization = event.organization().value();
        String headerOrganization = record.header(Topic.Headers.ORGANIZATION);
        if (!organization.equals(record.key()) || !organization.equals(headerOrganization)) {
            throw new UnreadableEventException("Event " + id + " of organization '" + organization
                    + "' came with key '" + record.key() + "' and " + Topic.Headers.ORGANIZATION + " '"
                    + headerOrganization + "'");
        }
        return new Decoded(id, event);
    }

    /** An event read from a record, and its CloudEvents {@code id}, which may arrive more than once. */
    public record Decoded(String id, InfrashareEvent event) {
    }

    private static int revision(WireRecord record, String type, String id) {
        String dataschema = record.header(Topic.Headers.DATA_SCHEMA);
        if (dataschema == null) {
            return EventSchemas.FIRST_REVISION;
        }
        return EventSchemas.parse(dataschema).filter(revision -> revision.type().equals(type))
                .map(EventSchemas.Revision::number)
                .orElseThrow(() -> new UnreadableEventException("Event " + id + " of type " + type
                        + " names the schema '" + dataschema + "', which is not one of that type's revisions"));
    }

    private InfrashareEvent read(byte[] value, Class<? extends InfrashareEvent> eventClass, String id, int revision) {
        try {
            String type = eventClass.getSimpleName();
            int current = currentRevision.applyAsInt(type);
            if (revision >= current) {
                return json.readValue(value, eventClass);
            }
            if (!(json.readTree(value) instanceof ObjectNode data)) {
                throw new UnreadableEventException("Event " + id + " is not a JSON object");
            }
            return json.treeToValue(upcasters.upcast(type, revision, current, data), eventClass);
        } catch (JacksonException e) {
            throw new UnreadableEventException("Event " + id + " is not a valid " + eventClass.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UnreadableEventException("Event " + id + " could not be read: " + e.getMessage(), e);
        }
    }

    private static String required(WireRecord record, String name) {
        String value = record.header(name);
        if (value == null || value.isBlank()) {
            throw new UnreadableEventException("The record has no " + name + " header");
        }
        return value;
    }

    /** {@code application/json; charset=utf-8} is JSON too. */
    private static String mediaType(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }
}

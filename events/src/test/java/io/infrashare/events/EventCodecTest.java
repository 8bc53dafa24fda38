package io.infrashare.events;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * The record of an event as the CloudEvents Kafka protocol binding's binary content mode lays it out: the attributes
 * {@code specversion}, {@code id}, {@code source} and {@code type} the specification requires, each in a header named
 * {@code ce_<attribute>}, the content type in {@code content-type}, the data as the value.
 */
class EventCodecTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final EventCodec codec = new EventCodec(json);

    private final UUID vpc = UUID.fromString("8c1f7a5e-4a6e-4c51-9d55-3b1b6f0f2a10");
    private final EnvironmentDefaultSet defaultSet = new EnvironmentDefaultSet(OrganizationId.of("acme"),
            ProjectId.of("ecomm"), EnvironmentId.of("ecomm-staging"), ResourceType.of("aws-vpc"), ResourceId.of(vpc),
            ProjectId.of("si"), null,
            new Provenance("eric", "network for staging", Instant.parse("2026-11-23T10:15:30.123456Z"), "c-1"));

    @Test
    void everyEventTypeReadsBackAsItWasWritten() {
        List<InfrashareEvent> events = SampleEvents.all();
        assertThat(events.stream().map(InfrashareEvent::eventType).collect(Collectors.toSet()))
                .isEqualTo(EventTypes.all().keySet());

        for (InfrashareEvent event : events) {
            String id = UUID.randomUUID().toString();
            WireRecord record = codec.encode(id, event);

            assertThat(codec.decode(record)).isEqualTo(new EventCodec.Decoded(id, event));
            assertThat(record.header(Topic.Headers.TYPE)).isEqualTo(event.eventType());
            assertThat(record.header(Topic.Headers.SUBJECT)).isEqualTo(event.subject());
            assertThat(record.header(Topic.Headers.DATA_SCHEMA))
                    .isEqualTo(EventSchemas.currentDataschema(event.eventType()).toString());
        }
    }

    @Test
    void theRecordHoldsTheBindingsHeadersInOrderTheOrganizationAsKeyAndTheEventsJsonAsValue() throws Exception {
        WireRecord record = codec.encode("e-1", defaultSet);

        assertThat(record.headers()).containsExactly(
                entry("ce_id", "e-1"),
                entry("ce_source", "/infrashare/command-side"),
                entry("ce_type", "EnvironmentDefaultSet"),
                entry("ce_time", "2026-11-23T10:15:30.123456Z"),
                entry("ce_subject", "environments/ecomm-staging"),
                entry("ce_dataschema", "https://infrashare.io/schemas/EnvironmentDefaultSet/v2.json"),
                entry("ce_specversion", "1.0"),
                entry("content-type", "application/json"),
                entry("ce_organization", "acme"),
                entry("ce_correlationid", "c-1"));
        assertThat(record.key()).isEqualTo("acme");
        assertThat(json.readTree(record.value())).isEqualTo(json.readTree(json.writeValueAsBytes(defaultSet)));
        assertThat(record.headers().keySet()).allMatch(name -> name.startsWith("ce_") || name.equals("content-type"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ce_id", "ce_specversion", "ce_source", "ce_type"})
    void aRecordWithoutAnAttributeTheSpecificationRequiresIsRefused(String header) {
        WireRecord record = codec.encode("e-1", defaultSet).withoutHeader(header);

        assertThatThrownBy(() -> codec.decode(record))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessage("The record has no " + header + " header");
        assertThatThrownBy(() -> codec.decode(record.withHeader(header, " ")))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessage("The record has no " + header + " header");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ce_specversion | 0.3                | Event e-1 is CloudEvents 0.3, not 1.0",
            "ce_type        | ResourceTeleported | Unknown event type 'ResourceTeleported' of event e-1",
            "content-type   | application/avro   | Event e-1 has the content type 'application/avro', not application/json"})
    void aRecordWhoseHeaderIsNotOneOfTheContractsIsRefused(String header, String value, String refusal) {
        WireRecord record = codec.encode("e-1", defaultSet).withHeader(header, value);

        assertThatThrownBy(() -> codec.decode(record))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessage(refusal);
    }

    @Test
    void aJsonValueWithParametersOrWithoutTheContentTypeHeaderIsRead() {
        WireRecord record = codec.encode("e-1", defaultSet);

        assertThat(codec.decode(record.withHeader(Topic.Headers.CONTENT_TYPE, "Application/JSON; charset=utf-8"))
                .event()).isEqualTo(defaultSet);
        assertThat(codec.decode(record.withoutHeader(Topic.Headers.CONTENT_TYPE)).event()).isEqualTo(defaultSet);
    }

    @Test
    void aValueThatIsNotTheTypesJsonIsRefused() {
        WireRecord record = codec.encode("e-3", defaultSet);

        assertThatThrownBy(() -> codec.decode(record.withValue("{\"organization\":".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageStartingWith("Event e-3 is not a valid EnvironmentDefaultSet: ");
        assertThatThrownBy(() -> codec.decode(record.withValue(null)))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessage("Event e-3 has no value");
    }

    @Test
    void theKeyTheOrganizationHeaderAndTheEventMustNameTheSameOrganization() {
        WireRecord record = codec.encode("e-4", defaultSet);

        assertThatThrownBy(() -> codec.decode(record.withKey("globex")))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessage("Event e-4 of organization 'acme' came with key 'globex' and ce_organization 'acme'");
        assertThatThrownBy(() -> codec.decode(record.withKey(null)))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("came with key 'null'");
        assertThatThrownBy(() -> codec.decode(record.withoutHeader(Topic.Headers.ORGANIZATION)))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("ce_organization 'null'");
        assertThatThrownBy(() -> codec.decode(record.withHeader(Topic.Headers.ORGANIZATION, "globex")))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("came with key 'acme' and ce_organization 'globex'");
    }

    @Test
    void aRecordWithoutASchemaIsReadAsTheFirstRevisionAndOneNamingAnotherTypesSchemaIsRefused() {
        WireRecord record = codec.encode("e-5", defaultSet);

        assertThat(codec.decode(record.withoutHeader(Topic.Headers.DATA_SCHEMA)).event()).isEqualTo(defaultSet);
        assertThatThrownBy(() -> codec.decode(record.withHeader(Topic.Headers.DATA_SCHEMA,
                EventSchemas.dataschema("ProjectCreated", 1).toString())))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("names the schema 'https://infrashare.io/schemas/ProjectCreated/v1.json'");
    }

    @Test
    void aRecordOfAnOlderRevisionIsUpcastBeforeItIsRead() throws Exception {
        ObjectNode older = json.valueToTree(defaultSet);
        older.set("defaultResource", older.remove("resource"));
        WireRecord record = codec.encode("e-6", defaultSet).withValue(json.writeValueAsBytes(older));
        // a reader of a later revision than the record's, which renamed its defaultResource to resource
        int current = EventSchemas.currentRevision("EnvironmentDefaultSet");
        Upcaster renamed = Upcaster.of("EnvironmentDefaultSet", current, data -> {
            data.set("resource", data.remove("defaultResource"));
            return data;
        });
        EventCodec atNextRevision = new EventCodec(json, new Upcasters(List.of(renamed)), type -> current + 1);

        assertThat(atNextRevision.decode(record).event()).isEqualTo(defaultSet);
        assertThat(((EnvironmentDefaultSet) codec.decode(record).event()).resource())
                .as("read without the upcaster, the renamed field is lost").isNull();
    }

    @Test
    void aRecordKeepsItsHeadersInOrderAndIsEqualByContent() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("b", "1");
        headers.put("a", "2");
        WireRecord record = new WireRecord("k", headers, new byte[]{1, 2});

        assertThat(record.withHeader("b", "3").headers()).containsExactly(entry("b", "3"), entry("a", "2"));
        assertThat(record.withoutHeader("b").withHeader("b", "3").headers())
                .containsExactly(entry("a", "2"), entry("b", "3"));
        assertThat(record).isEqualTo(new WireRecord("k", headers, new byte[]{1, 2}))
                .hasSameHashCodeAs(new WireRecord("k", headers, new byte[]{1, 2}))
                .isNotEqualTo(record.withValue(new byte[]{1}));
    }
}

package io.infrashare.events.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.infrashare.events.EventSchemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates an event's JSON against its JSON Schema (draft 2020-12) with a JSON Schema validator, formats
 * ({@code uuid}, {@code date-time}) included, as a strict consumer would.
 */
public final class EventValidator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** What is wrong with {@code data} against the schema a record's {@code ce_dataschema} names; empty if nothing. */
    public List<String> problems(String dataschema, byte[] data) {
        EventSchemas.Revision revision = EventSchemas.parse(dataschema)
                .orElseThrow(() -> new IllegalArgumentException("Not a schema of the contract: " + dataschema));
        Schema schema = schemas.computeIfAbsent(dataschema, ignored -> load(revision));
        try {
            return problems(schema, JSON.readTree(data));
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    /** What is wrong with {@code data} against {@code schema}; empty if nothing. */
    public static List<String> problems(JsonNode schema, JsonNode data) {
        return problems(REGISTRY.getSchema(schema), data);
    }

    private static List<String> problems(Schema schema, JsonNode data) {
        return schema.validate(data, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))
                .stream().map(Error::toString).toList();
    }

    private static Schema load(EventSchemas.Revision revision) {
        try (InputStream in = EventSchemas.open(revision.type(), revision.number()).orElseThrow(
                () -> new IllegalArgumentException("The events jar has no schema " + revision))) {
            return REGISTRY.getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

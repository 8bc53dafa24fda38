package io.infrashare.events.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaCompatibilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String V1 = """
            {"type": "object", "additionalProperties": false, "required": ["id", "size", "note"],
             "properties": {
               "id": {"type": "string", "format": "uuid"},
               "size": {"type": "integer"},
               "note": {"type": ["string", "null"]},
               "tags": {"type": "object", "additionalProperties": {"type": "string"}}}}""";

    @Test
    void theSameSchemaIsCompatible() {
        assertThat(changes(V1, V1)).isEmpty();
    }

    @Test
    void wideningIsCompatible() {
        assertThat(changes(V1, V1.replace("{\"type\": \"integer\"}", "{\"type\": \"number\"}")
                .replace("\"format\": \"uuid\"", "\"minLength\": 0")
                .replace("\"additionalProperties\": {\"type\": \"string\"}",
                        "\"additionalProperties\": {\"type\": [\"string\", \"number\"]}")))
                .isEmpty();
    }

    @Test
    void changingATypeBreaks() {
        assertThat(changes(V1, V1.replace("{\"type\": \"integer\"}", "{\"type\": \"string\"}")))
                .containsExactly("'size' changes type from [integer] to [string]");
    }

    @Test
    void narrowingANumberToAnIntegerBreaks() {
        String v1 = V1.replace("{\"type\": \"integer\"}", "{\"type\": \"number\"}");
        assertThat(changes(v1, V1)).singleElement().asString().startsWith("'size' changes type");
    }

    @Test
    void makingAnOptionalFieldRequiredBreaks() {
        assertThat(changes(V1, V1.replace("\"note\"]", "\"note\", \"tags\"]"))).containsExactly("'tags' becomes required");
        assertThat(changes(V1, V1.replace("[\"string\", \"null\"]", "\"string\"")))
                .containsExactly("'note' may no longer be null");
    }

    @Test
    void removingOrRenamingAFieldBreaks() {
        assertThat(changes(V1, V1.replace("\"size\"", "\"bytes\"")))
                .containsExactly("'size' is removed (or renamed)",
                        "'bytes' is added as a required field that may not be null, which data of the older revision lacks");
    }

    @Test
    void addingAConstraintBreaks() {
        assertThat(changes(V1, V1.replace("{\"type\": \"integer\"}", "{\"type\": \"integer\", \"maximum\": 10}")))
                .containsExactly("'size' adds the constraint 'maximum'");
        assertThat(changes(V1, V1.replace("{\"type\": \"string\"}}", "{\"type\": \"string\", \"pattern\": \"^a\"}}")))
                .containsExactly("'tags{}' adds the 'pattern' \"^a\"");
    }

    @Test
    void closingAMapBreaks() {
        assertThat(changes(V1, V1.replace("\"additionalProperties\": {\"type\": \"string\"}",
                "\"additionalProperties\": false")))
                .containsExactly("'tags' no longer takes properties it does not name");
    }

    private static java.util.List<String> changes(String older, String newer) {
        return SchemaCompatibility.breakingChanges(tree(older), tree(newer));
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}

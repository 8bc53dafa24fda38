package io.infrashare.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UpcastersTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void eachStepWithAnUpcasterRunsInOrderAndStepsWithoutOnePassTheDataOn() {
        var upcasters = new Upcasters(List.of(step(1, data -> data.put("trail", data.path("trail").asText() + "a")),
                step(3, data -> data.put("trail", data.path("trail").asText() + "c"))));

        assertThat(upcasters.upcast("Demo", 1, 4, json.createObjectNode()).path("trail").asText()).isEqualTo("ac");
        assertThat(upcasters.upcast("Demo", 2, 4, json.createObjectNode()).path("trail").asText()).isEqualTo("c");
        assertThat(upcasters.upcast("Demo", 4, 4, json.createObjectNode()).has("trail")).isFalse();
        assertThat(upcasters.upcast("Other", 1, 4, json.createObjectNode()).has("trail")).isFalse();
    }

    @Test
    void dataschemasNameTheTypeAndRevision() {
        var dataschema = EventSchemas.dataschema("EnvironmentDefaultSet", 3).toString();

        assertThat(dataschema).isEqualTo("https://infrashare.io/schemas/EnvironmentDefaultSet/v3.json");
        assertThat(EventSchemas.parse(dataschema)).contains(new EventSchemas.Revision("EnvironmentDefaultSet", 3));
        assertThat(EventSchemas.parse("https://example.com/schemas/EnvironmentDefaultSet/v3.json")).isEmpty();
        assertThat(EventSchemas.parse(null)).isEmpty();
    }

    private static Upcaster step(int from, java.util.function.UnaryOperator<ObjectNode> change) {
        return Upcaster.of("Demo", from, change);
    }
}

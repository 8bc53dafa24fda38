package io.infrashare.events.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.infrashare.events.EventSchemas;
import io.infrashare.events.EventTypes;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.SampleEvents;
import io.infrashare.events.Upcasters;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract as it is in this repository: the build fails here when a change would break a consumer. */
class ReleasedSchemasTest {

    static final Path EVENTS_MODULE = Path.of(System.getProperty("infrashare.events.dir", "."));

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void theReleasedSchemasAreKeptAndEveryBreakingStepHasATestedUpcaster() {
        assertThat(new ContractGate(EVENTS_MODULE, Upcasters.ofContract()).problems()).isEmpty();
    }

    @Test
    void everyEventTypeIsWrittenInItsLatestRevisionWhichShipsInTheJar() throws IOException {
        for (String type : EventTypes.all().keySet()) {
            int current = EventSchemas.currentRevision(type);
            Path schemas = EVENTS_MODULE.resolve("schemas").resolve(type);
            assertThat(schemas.resolve("v" + current + ".json")).as(type).isRegularFile();
            assertThat(schemas.resolve("v" + (current + 1) + ".json")).as(type).doesNotExist();
            assertThat(EventSchemas.open(type, current)).as(type + " in the jar").isPresent();
        }
        try (var types = Files.list(EVENTS_MODULE.resolve("schemas"))) {
            assertThat(types.filter(Files::isDirectory).map(path -> path.getFileName().toString()))
                    .as("a schema directory per event type, and no other")
                    .containsExactlyInAnyOrderElementsOf(EventTypes.all().keySet());
        }
    }

    @Test
    void everyEventIsValidInTheRevisionItIsWrittenIn() throws Exception {
        var validator = new EventValidator();
        for (InfrashareEvent event : SampleEvents.all()) {
            String dataschema = EventSchemas.currentDataschema(event.eventType()).toString();
            assertThat(validator.problems(dataschema, json.writeValueAsBytes(event))).as(event.toString()).isEmpty();
        }
    }

    @Test
    void theValidatorCatchesAFieldTheSchemaDoesNotDescribe() throws Exception {
        var event = SampleEvents.all().get(0);
        ObjectNode data = json.valueToTree(event);
        data.put("ownerTeamId", 7);
        data.remove("ownerTeam");
        data.with("provenance").put("occurredAt", "yesterday");

        assertThat(new EventValidator().problems(EventSchemas.currentDataschema(event.eventType()).toString(),
                json.writeValueAsBytes(data)))
                .anySatisfy(problem -> assertThat(problem).contains("ownerTeamId"))
                .anySatisfy(problem -> assertThat(problem).contains("ownerTeam"))
                .anySatisfy(problem -> assertThat(problem).contains("occurredAt"));
    }
}

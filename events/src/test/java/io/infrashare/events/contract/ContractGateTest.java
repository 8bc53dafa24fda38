package io.infrashare.events.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.infrashare.events.EnvironmentDefaultSet;
import io.infrashare.events.EventSchemas;
import io.infrashare.events.SampleEvents;
import io.infrashare.events.Upcaster;
import io.infrashare.events.Upcasters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compatibility check itself, on a copy of this repository's schemas: a change that would break a consumer fails
 * it (and so {@code ./mvnw verify}, through {@link ReleasedSchemasTest}) unless it is a new revision with an upcaster
 * tested on fixtures.
 */
class ContractGateTest {

    private static final String TYPE = "EnvironmentDefaultSet";
    /** The revision the contract writes today, and the one a change would add. */
    private static final int LATEST = EventSchemas.currentRevision(TYPE);
    private static final int NEXT = LATEST + 1;
    private static final String LATEST_FILE = "schemas/" + TYPE + "/v" + LATEST + ".json";
    private static final Upcasters NONE = new Upcasters(List.of());
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @TempDir
    Path module;

    @BeforeEach
    void copyTheContract() throws IOException {
        Path source = ReleasedSchemasTest.EVENTS_MODULE;
        try (Stream<Path> files = Files.walk(source.resolve("schemas"))) {
            for (Path file : files.toList()) {
                Path target = module.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        Files.copy(source.resolve(ContractGate.LOCK), module.resolve(ContractGate.LOCK));
    }

    @Test
    void theContractAsReleasedPasses() {
        assertThat(new ContractGate(module, NONE).problems()).isEmpty();
    }

    @Test
    void renamingAFieldInAReleasedSchemaFails() throws IOException {
        write(LATEST, renameResource(read(LATEST)));

        // (a rename also breaks the step from the revision before, which the gate says too)
        assertThat(new ContractGate(module, NONE).problems())
                .anyMatch(problem -> problem.contains(LATEST_FILE + " changed after it was released"));
    }

    @Test
    void removingAReleasedSchemaFails() throws IOException {
        Files.delete(revision(LATEST));

        assertThat(new ContractGate(module, NONE).problems()).singleElement().asString()
                .contains(LATEST_FILE + " was released and is gone");
    }

    @Test
    void aBreakingNewRevisionWithoutAnUpcasterFails() throws IOException {
        release(NEXT, renameResource(read(LATEST)));

        assertThat(new ContractGate(module, NONE).problems()).singleElement().asString()
                .contains("EnvironmentDefaultSet v" + LATEST + " -> v" + NEXT + " breaks readers of v" + LATEST)
                .contains("'resource' is removed (or renamed)")
                .contains("add an Upcaster");
    }

    @Test
    void aBreakingNewRevisionWithAnUpcasterTestedOnFixturesPasses() throws IOException {
        release(NEXT, renameResource(read(LATEST)));
        fixture("replacing.json");

        assertThat(new ContractGate(module, upcaster(RENAME_RESOURCE)).problems()).isEmpty();
    }

    @Test
    void anUpcasterWhoseResultIsNotTheNewRevisionFails() throws IOException {
        release(NEXT, renameResource(read(LATEST)));
        fixture("replacing.json");

        assertThat(new ContractGate(module, upcaster(UnaryOperator.identity())).problems()).singleElement().asString()
                .contains("fixture EnvironmentDefaultSet/v" + LATEST + "/replacing.json, upcast by EnvironmentDefaultSet v"
                        + LATEST + " -> v" + NEXT + ", is not a valid v" + NEXT);
    }

    @Test
    void anUpcasterWithoutFixturesFails() throws IOException {
        release(NEXT, renameResource(read(LATEST)));

        assertThat(new ContractGate(module, upcaster(RENAME_RESOURCE)).problems()).singleElement().asString()
                .contains("has an upcaster but no JSON fixtures of v" + LATEST);
    }

    @Test
    void aNewRevisionThatOnlyAddsANullableFieldNeedsNoUpcaster() throws IOException {
        ObjectNode next = read(LATEST);
        next.withObject("/properties").putObject("ticket").putArray("type").add("string").add("null");
        next.withArray("required").add("ticket");
        release(NEXT, next);

        assertThat(new ContractGate(module, NONE).problems()).isEmpty();
    }

    @Test
    void makingAnOptionalFieldRequiredBreaksReaders() throws IOException {
        ObjectNode next = read(LATEST);
        next.withObject("/properties/provenance/properties/reason").put("type", "string");
        release(NEXT, next);

        assertThat(new ContractGate(module, NONE).problems()).singleElement().asString()
                .contains("'provenance.reason' may no longer be null");
    }

    @Test
    void aNewRevisionMustBeLockedAsReleased() throws IOException {
        write(NEXT, read(LATEST).put("$id", EventSchemas.dataschema(TYPE, NEXT).toString()));

        assertThat(new ContractGate(module, NONE).problems()).singleElement().asString()
                .contains("schemas/EnvironmentDefaultSet/v" + NEXT + ".json is not released: add the line '")
                .contains("  EnvironmentDefaultSet/v" + NEXT + ".json' to schemas.sha256");
    }

    private static final UnaryOperator<ObjectNode> RENAME_RESOURCE = data -> {
        data.set("resourceId", data.remove("resource"));
        return data;
    };

    private static Upcasters upcaster(UnaryOperator<ObjectNode> change) {
        return new Upcasters(List.of(Upcaster.of(TYPE, LATEST, change)));
    }

    /** The schema with {@code resource} renamed {@code resourceId}. */
    private static ObjectNode renameResource(ObjectNode schema) {
        ObjectNode properties = schema.withObject("/properties");
        properties.set("resourceId", properties.remove("resource"));
        ArrayNode required = schema.withArray("required");
        for (int i = 0; i < required.size(); i++) {
            if (required.get(i).asText().equals("resource")) {
                required.set(i, "resourceId");
            }
        }
        return schema;
    }

    private void fixture(String name) throws IOException {
        var event = SampleEvents.all().stream().filter(EnvironmentDefaultSet.class::isInstance)
                .filter(sample -> ((EnvironmentDefaultSet) sample).replaced() != null).findFirst().orElseThrow();
        Path directory = Files.createDirectories(module.resolve("src/test/resources/upcasting/" + TYPE + "/v" + LATEST));
        JSON.writeValue(directory.resolve(name).toFile(), event);
    }

    private void release(int number, ObjectNode schema) throws IOException {
        write(number, schema.put("$id", EventSchemas.dataschema(TYPE, number).toString()));
        Files.writeString(module.resolve(ContractGate.LOCK), ContractGate.sha256(revision(number)) + "  " + TYPE
                + "/v" + number + ".json\n", StandardOpenOption.APPEND);
    }

    private ObjectNode read(int number) throws IOException {
        return (ObjectNode) JSON.readTree(revision(number).toFile());
    }

    private void write(int number, ObjectNode schema) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(revision(number).toFile(), schema);
    }

    private Path revision(int number) {
        return module.resolve("schemas").resolve(TYPE).resolve("v" + number + ".json");
    }
}

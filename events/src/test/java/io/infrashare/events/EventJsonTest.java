package io.infrashare.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class EventJsonTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Provenance provenance =
            new Provenance("eric", "network for staging", Instant.parse("2026-11-23T10:15:30.123456Z"), "c-1");

    @Test
    void idsAreWrittenAsPlainStringsSoConsumersNeedNoTypes() throws Exception {
        UUID vpc = UUID.fromString("8c1f7a5e-4a6e-4c51-9d55-3b1b6f0f2a10");
        var event = new EnvironmentDefaultSet(OrganizationId.of("acme"), ProjectId.of("ecomm"),
                EnvironmentId.of("ecomm-staging"), ResourceType.of("aws-vpc"), ResourceId.of(vpc),
                ProjectId.of("si"), null, provenance);

        JsonNode tree = json.readTree(json.writeValueAsString(event));

        assertThat(tree.get("environment").asText()).isEqualTo("ecomm-staging");
        assertThat(tree.get("resource").asText()).isEqualTo(vpc.toString());
        assertThat(tree.get("provenance").get("occurredAt").asText()).isEqualTo("2026-11-23T10:15:30.123456Z");
        assertThat(tree.get("replaced").isNull()).isTrue();
    }

    @Test
    void everyEventReadsBackEqualFromItsJson() throws Exception {
        var events = SampleEvents.all();

        assertThat(events.stream().map(InfrashareEvent::eventType).collect(Collectors.toSet()))
                .isEqualTo(EventTypes.all().keySet());
        for (InfrashareEvent event : events) {
            Class<? extends InfrashareEvent> type = EventTypes.forType(event.eventType()).orElseThrow();
            assertThat(json.readValue(json.writeValueAsBytes(event), type)).isEqualTo(event);
        }
    }

    @Test
    void theEnvironmentIdNamesItsProject() {
        assertThat(EnvironmentId.of("ecomm-pr-42").project()).isEqualTo(ProjectId.of("ecomm"));
    }
}

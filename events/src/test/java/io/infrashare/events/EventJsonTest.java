package io.infrashare.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
        var org = OrganizationId.of("acme");
        var si = ProjectId.of("si");
        var staging = EnvironmentId.of(si, "staging");
        var vpc = ResourceId.of(UUID.randomUUID());
        var events = new InfrashareEvent[]{
                new ProjectCreated(org, si, "Shared Infra", "ops", provenance),
                new EnvironmentCreated(org, si, staging, "Staging", Map.of("tier", "staging"), null, provenance),
                new PackageAdded(org, si, PackageId.of("vpc"), "aws-vpc", ResourceType.of("aws-vpc"), provenance),
                new ResourceProvisioned(org, si, vpc, staging, PackageId.of("vpc"), ResourceType.of("aws-vpc"),
                        "US VPC", Map.of("region", "us-east-1", "azs", 3), provenance),
                new ResourceShared(org, si, vpc, ProjectId.of("ecomm"), provenance),
                new EnvironmentDefaultSet(org, ProjectId.of("ecomm"), EnvironmentId.of("ecomm-staging"),
                        ResourceType.of("aws-vpc"), vpc, si, null, provenance),
                new EnvironmentDefaultCleared(org, ProjectId.of("ecomm"), EnvironmentId.of("ecomm-staging"),
                        ResourceType.of("aws-vpc"), vpc, provenance),
                new RemoteReferenceAdded(org, ProjectId.of("ecomm"), EnvironmentId.of("ecomm-pr1"),
                        PackageId.of("vpc"), vpc, si, null, provenance),
                new RemoteReferenceRemoved(org, ProjectId.of("ecomm"), EnvironmentId.of("ecomm-pr1"),
                        PackageId.of("vpc"), vpc, provenance),
                new ResourceImported(org, ProjectId.of("ecomm"), ResourceId.of(UUID.randomUUID()),
                        ResourceType.of("postgresql"), "legacy db", Map.of("engine", "postgres"), provenance),
                new ResourceReconfigured(org, si, vpc, Map.of("region", "eu-west-1"), Set.of("azs"), provenance),
                new ResourceShareRevoked(org, si, vpc, ProjectId.of("ecomm"), provenance),
                new ResourceDecommissioned(org, si, vpc, staging, provenance),
                new EnvironmentDeleted(org, si, staging, provenance),
                new ResourceTypeConfigured(org, ResourceType.of("spark-cluster"), true, provenance)};

        assertThat(events).extracting(InfrashareEvent::eventType).containsExactlyInAnyOrderElementsOf(EventTypes.all().keySet());
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

package io.infrashare.command.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrashare.command.receipt.Receipt;
import io.infrashare.command.receipt.RecordedEvent;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A resource as docs/http-api.md returns it, with the events the command recorded; an imported one has no environment
 * and package.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Resource",
        requiredProperties = {"id", "type", "name", "attributes", "status", "origin", "owner", "events"})
public record ResourceBody(UUID id, String type, String name, Map<String, Object> attributes,
                           @Schema(allowableValues = {"active", "decommissioned"}) String status,
                           @Schema(allowableValues = {"provisioned", "imported"}) String origin, Owner owner,
                           List<RecordedEvent> events) {

    @Schema(requiredProperties = {"project", "environment", "package"})
    public record Owner(String project,
                        @Schema(nullable = true,
                                description = "The environment that provisioned it; null for an imported one")
                        String environment,
                        @Schema(nullable = true,
                                description = "The package provisioned; null for an imported resource")
                        @JsonProperty("package") String pkg) {
    }

    public static ResourceBody of(Receipt<ResourceDescription> receipt) {
        ResourceDescription resource = receipt.result();
        return new ResourceBody(resource.id().value(), resource.type().value(), resource.name(),
                resource.attributes(), resource.active() ? "active" : "decommissioned",
                resource.imported() ? "imported" : "provisioned",
                new Owner(resource.owner().value(),
                        resource.environment() == null ? null : resource.environment().value(),
                        resource.pkg() == null ? null : resource.pkg().value()), receipt.events());
    }
}

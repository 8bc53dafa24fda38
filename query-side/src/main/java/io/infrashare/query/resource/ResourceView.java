package io.infrashare.query.resource;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceType;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/** A resource as docs/http-api.md shows it. */
@Schema(name = "Resource",
        requiredProperties = {"id", "type", "name", "attributes", "status", "origin", "owner"})
public record ResourceView(ResourceId id, ResourceType type, String name, Map<String, Object> attributes,
                           ResourceStatus status, ResourceOrigin origin, Owner owner) {

    /** @param environment and {@code pkg} are {@code null} for an imported resource */
    @Schema(requiredProperties = {"project", "environment", "package"})
    public record Owner(ProjectId project, @Schema(nullable = true) EnvironmentId environment,
                        @Schema(nullable = true) @JsonProperty("package") PackageId pkg) {
    }
}

package io.infrashare.query.consumption;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.PackageId;
import io.infrashare.events.ResourceType;
import io.infrashare.query.resource.ResourceView;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * What a package resolves to in an environment: {@code GET /environments/{env}/packages/{package}/resolution} of
 * docs/http-api.md.
 *
 * @param type      the type the package produces, whose default applies
 * @param resource  the resource of the winning source, {@code null} when the source is {@link Source#NONE}
 * @param overrides what the winner hides, in the order of {@link Source}: a default under a remote reference
 */
@Schema(name = "PackageResolution",
        requiredProperties = {"environment", "package", "type", "asOf", "source", "resource", "overrides"})
record ResolutionView(EnvironmentId environment, @JsonProperty("package") PackageId pkg, ResourceType type,
                      Instant asOf, Source source, ResourceView resource, List<Resolved> overrides) {

    /** A source that holds a resource for the package. */
    @Schema(name = "ResolvedSource", requiredProperties = {"source", "resource"})
    record Resolved(Source source, ResourceView resource) {
    }
}

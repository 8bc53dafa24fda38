package io.infrashare.query.resource;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * What changing, decommissioning or tearing down a resource would reach: {@code GET /resources/{id}/impact} of
 * docs/http-api.md, the consumers of {@link ConsumersView} followed through what they provisioned.
 */
@Schema(name = "ResourceImpact", requiredProperties = {"resource", "asOf", "affected"})
record ImpactView(ResourceView resource, Instant asOf, List<Affected> affected) {

    /**
     * @param pkg     the package the remote reference stands for, {@code null} for a default (which stands for
     *                every package of its type that the environment neither provisions nor references)
     * @param depth   1 for a consumer of the resource itself, n + 1 for one of a resource provisioned in an
     *                environment of depth n
     * @param through the resource the environment consumes: the resource itself at depth 1
     */
    @Schema(name = "AffectedEnvironment",
            requiredProperties = {"environment", "project", "via", "package", "depth", "through"})
    record Affected(EnvironmentId environment, ProjectId project, Via via,
                    @Schema(nullable = true) @JsonProperty("package") PackageId pkg, int depth,
                    ResourceId through) {
    }
}

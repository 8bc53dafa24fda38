package io.infrashare.query.resource;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectId;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * Who may use a resource and who does: {@code GET /resources/{id}/consumers} of docs/http-api.md, the blast radius of changing
 * or decommissioning it, across both ways of consuming it.
 */
@Schema(name = "ResourceConsumers")
record ConsumersView(ResourceView resource, List<Share> shares, List<Consumer> consumers) {

    @Schema(name = "ResourceShare")
    record Share(ProjectId project, String grantedBy, Instant since) {
    }

    /** @param pkg the package the remote reference stands for, {@code null} for a default */
    @Schema(name = "ResourceConsumer")
    record Consumer(EnvironmentId environment, ProjectId project, Via via,
                    @Schema(nullable = true) @JsonProperty("package") PackageId pkg,
                    Instant since) {
    }
}

package io.infrashare.query.project;

import io.infrashare.events.EnvironmentId;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceType;
import io.infrashare.query.resource.ResourceView;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One project as {@code GET /projects/{project}} shows it: its environments (deleted ones too, marked), the packages
 * on its canvas, the resources it owns, whom it shares them with and what other projects share with it.
 */
@Schema(name = "Project")
record ProjectView(ProjectId id, String name, String ownerTeam, @Schema(nullable = true) Instant createdAt,
                   @Schema(nullable = true) String createdBy,
                   List<Environment> environments, List<ProjectPackage> packages, List<ResourceView> resources,
                   List<ShareGiven> sharesGiven, List<ShareReceived> sharesReceived) {

    /** @param deletedAt and {@code deletedBy} are {@code null} while the environment lives */
    record Environment(EnvironmentId id, String name, Map<String, String> labels,
                       @Schema(nullable = true) EnvironmentId forkOf, @Schema(nullable = true) Instant deletedAt,
                       @Schema(nullable = true) String deletedBy) {
    }

    record ProjectPackage(PackageId name, String bundle, ResourceType resourceType) {
    }

    /** @param project the project the resource is shared with */
    record ShareGiven(ResourceView resource, ProjectId project, String grantedBy, Instant since) {
    }

    /** @param owner the project that owns the resource and granted the share */
    record ShareReceived(ResourceView resource, ProjectId owner, String grantedBy, Instant since) {
    }
}

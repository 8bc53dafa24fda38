package io.infrashare.query.project;

import io.infrashare.events.ProjectId;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * A project as {@code GET /projects} lists it.
 *
 * @param createdAt and {@code createdBy} are {@code null} for a project projected before they were kept, until the
 *                  read models are rebuilt from the topic
 */
record ProjectSummary(ProjectId id, String name, String ownerTeam, @Schema(nullable = true) Instant createdAt,
                      @Schema(nullable = true) String createdBy) {
}

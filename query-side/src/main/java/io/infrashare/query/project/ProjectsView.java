package io.infrashare.query.project;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** {@code GET /projects} of docs/http-api.md: the caller's organization's projects, by id. */
@Schema(name = "ProjectList")
record ProjectsView(List<ProjectSummary> projects) {
}

package io.infrashare.query.project;

import java.util.List;

/** {@code GET /projects} of docs/http-api.md: the caller's organization's projects, by id. */
record ProjectsView(List<ProjectSummary> projects) {
}

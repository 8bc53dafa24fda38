package io.infrashare.query.project;

import io.infrashare.events.EnvironmentId;
import io.infrashare.events.ProjectId;

import java.util.Map;

public record EnvironmentView(EnvironmentId id, ProjectId project, String name, Map<String, String> labels) {
}

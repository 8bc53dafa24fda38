package io.infrashare.query.project;

import io.infrashare.events.EnvironmentId;
import io.infrashare.events.ProjectId;

import java.time.Instant;
import java.util.Map;

/**
 * @param forkOf  the environment it was forked from, or {@code null}
 * @param deleted when and by whom it was torn down, or {@code null} while it lives
 */
public record EnvironmentView(EnvironmentId id, ProjectId project, String name, Map<String, String> labels,
                              EnvironmentId forkOf, Deletion deleted) {

    public record Deletion(Instant at, String by) {
    }
}

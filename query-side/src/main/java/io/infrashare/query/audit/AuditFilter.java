package io.infrashare.query.audit;

import io.infrashare.events.EnvironmentId;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;

import java.time.Instant;

/** What the entries must match, each part that is not null; {@code from} and {@code to} are inclusive. */
record AuditFilter(ProjectId project, EnvironmentId environment, ResourceId resource, String actor, String type,
                   Instant from, Instant to) {
}

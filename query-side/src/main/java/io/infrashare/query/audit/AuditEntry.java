package io.infrashare.query.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;

import java.time.Instant;

/**
 * One event of the organization's history as the audit log shows it.
 *
 * @param data the event's JSON as the topic carried it, passed through unchanged
 */
record AuditEntry(long position, String eventId, String type, Instant occurredAt, String actor, String reason,
                  String correlationId, Subject subject, @JsonRawValue String data) {

    /** What the event is about; a part the event does not name is null. */
    record Subject(ProjectId project, EnvironmentId environment, ResourceId resource) {
    }
}

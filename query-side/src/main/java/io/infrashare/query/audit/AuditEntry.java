package io.infrashare.query.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;

/**
 * One event of the organization's history as the audit log shows it.
 *
 * @param actor           the principal's name, for display
 * @param actorId         the principal's stable identity (a JWT's issuer and subject); null for events recorded
 *                        before the service kept it
 * @param correlationId   the request the service identified
 * @param clientReference the client's own {@code X-Correlation-Id} for that request, or null
 * @param notApplied why the read models did not apply the event, and since when; null when they did (then
 *                   {@code applied} is true)
 * @param data       the event's JSON as the topic carried it, passed through unchanged
 */
@JsonPropertyOrder({"position", "eventId", "type", "occurredAt", "actor", "actorId", "reason", "correlationId",
        "clientReference", "subject", "applied", "notApplied", "data"})
record AuditEntry(long position, String eventId, String type, Instant occurredAt, String actor,
                  @Schema(nullable = true) String actorId, @Schema(nullable = true) String reason, String correlationId,
                  @Schema(nullable = true) String clientReference, Subject subject,
                  @Schema(nullable = true) NotApplied notApplied,
                  @Schema(implementation = Map.class, description = "The event's JSON as the topic carried it")
                  @JsonRawValue
                  String data) {

    @JsonProperty
    boolean applied() {
        return notApplied == null;
    }

    /**
     * @param category  {@code constraint-violated}, {@code database-refused} or {@code read-model-failed}
     * @param readModel the read model that failed, null if not known
     * @param message   what happened, in this side's words
     * @param since     when the event was recorded as not applied
     */
    record NotApplied(@Schema(allowableValues = {"constraint-violated", "database-refused", "read-model-failed"})
                      String category, @Schema(nullable = true) String readModel, String message, Instant since) {
    }

    /** What the event is about; a part the event does not name is null. */
    record Subject(@Schema(nullable = true) ProjectId project, @Schema(nullable = true) EnvironmentId environment,
                   @Schema(nullable = true) ResourceId resource) {
    }
}

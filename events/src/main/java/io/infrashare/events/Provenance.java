package io.infrashare.events;

import java.time.Instant;
import java.util.Objects;

/**
 * Who caused an event, when, why and as part of which request: carried by every event (docs/domain.md rule 7).
 *
 * @param actor         the principal's name ({@code eric})
 * @param reason        the {@code X-Reason} the caller gave, or {@code null}
 * @param occurredAt    when the command was decided
 * @param correlationId ties together every event of one request
 */
public record Provenance(String actor, String reason, Instant occurredAt, String correlationId) {

    public Provenance {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(correlationId, "correlationId");
    }
}

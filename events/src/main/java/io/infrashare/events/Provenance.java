package io.infrashare.events;

import java.time.Instant;
import java.util.Objects;

/**
 * Who caused an event, when, why and as part of which request: carried by every event (docs/domain.md rule 7).
 *
 * @param actor           the principal's name ({@code eric}), for display
 * @param actorId         the principal's stable identity: a JWT's issuer and subject ({@code <iss>#<sub>}), a demo
 *                        principal's name; {@code null} in events recorded before revision 2
 * @param reason          the {@code X-Reason} the caller gave, or {@code null}
 * @param occurredAt      when the command was decided
 * @param correlationId   the request the service identified, which ties together every event of one request
 * @param clientReference the {@code X-Correlation-Id} the client sent, kept as its reference, or {@code null}
 */
public record Provenance(String actor, String actorId, String reason, Instant occurredAt, String correlationId,
                         String clientReference) {

    public Provenance {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /** A provenance whose actor is known by name only and whose client sent no reference. */
    public Provenance(String actor, String reason, Instant occurredAt, String correlationId) {
        this(actor, actor, reason, occurredAt, correlationId, null);
    }
}

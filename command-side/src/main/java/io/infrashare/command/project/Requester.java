package io.infrashare.command.project;

import io.infrashare.events.Provenance;
import io.infrashare.support.Caller;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Who sent a command, why ({@code X-Reason}), under which correlation id the service gave the request, and the
 * client's own reference for it ({@code X-Correlation-Id}, or null).
 */
public record Requester(Caller caller, String reason, String correlationId, String clientReference) {

    public Requester(Caller caller, String reason, String correlationId) {
        this(caller, reason, correlationId, null);
    }

    /** Instants are kept at the microsecond precision the query side compares {@code at} with. */
    public Provenance provenance(Clock clock) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return new Provenance(caller.name(), caller.id(), reason, now, correlationId, clientReference);
    }
}

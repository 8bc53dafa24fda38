package io.infrashare.command.project;

import io.infrashare.events.Provenance;
import io.infrashare.support.Caller;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Who sent a command, why ({@code X-Reason}) and under which correlation id. */
public record Requester(Caller caller, String reason, String correlationId) {

    /** Instants are kept at the microsecond precision the query side compares {@code at} with. */
    public Provenance provenance(Clock clock) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return new Provenance(caller.name(), reason, now, correlationId);
    }
}

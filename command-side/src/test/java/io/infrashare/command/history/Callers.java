package io.infrashare.command.history;

import io.infrashare.command.project.CommandRefusedException;
import io.infrashare.command.project.RefusalCode;
import io.infrashare.command.project.Requester;
import io.infrashare.events.OrganizationId;
import io.infrashare.support.Caller;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.Set;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Who sends the commands of these tests: olivia of team ops, and eric, who is not in it. */
final class Callers {

    static final OrganizationId ACME = OrganizationId.of("acme");
    static final Requester OLIVIA = new Requester(new Caller(ACME, "olivia", Set.of("ops"), Set.of()), null,
            "stored-history");
    static final Requester ERIC = new Requester(new Caller(ACME, "eric", Set.of("ecommerce"), Set.of()), null,
            "stored-history");

    private Callers() {
    }

    /** The code {@code command} is refused with; fails when it is not refused. */
    static RefusalCode refusal(CommandGateway commands, Object command) {
        return catchThrowableOfType(CommandRefusedException.class, () -> commands.sendAndWait(command)).code();
    }
}

package io.infrashare.command.resourcetype;

import io.infrashare.command.project.Requester;
import io.infrashare.command.web.TypeName;
import io.infrashare.events.ResourceType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The organization's resource type registry: admins decide which types may be environment defaults. */
@RestController
class ResourceTypeController {

    private final CommandGateway commands;

    ResourceTypeController(CommandGateway commands) {
        this.commands = commands;
    }

    record TypeConfiguration(@NotNull Boolean defaultable) {
    }

    record TypeBody(String type, boolean defaultable) {
    }

    @PutMapping("/resource-types/{type}")
    TypeBody configure(@PathVariable @TypeName String type,
                       @Valid @RequestBody TypeConfiguration body,
                       Requester requester) {
        commands.sendAndWait(new ConfigureResourceTypeCommand(requester.caller().organization(), ResourceType.of(type),
                body.defaultable(), requester));
        return new TypeBody(type, body.defaultable());
    }
}

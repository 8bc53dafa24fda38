package io.infrashare.command.resourcetype;

import io.infrashare.command.project.Requester;
import io.infrashare.command.receipt.Commands;
import io.infrashare.command.receipt.RecordedEvent;
import io.infrashare.command.web.TypeName;
import io.infrashare.events.ResourceType;
import io.infrashare.support.Refusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The organization's resource type registry: admins decide which types may be environment defaults. */
@RestController
class ResourceTypeController {

    private final Commands commands;

    ResourceTypeController(Commands commands) {
        this.commands = commands;
    }

    record TypeConfiguration(@NotNull Boolean defaultable) {
    }

    @Schema(name = "ResourceTypeSetting", requiredProperties = {"type", "defaultable", "events"})
    record TypeBody(String type, boolean defaultable, List<RecordedEvent> events) {
    }

    @Operation(operationId = "configureResourceType", tags = "resource-types",
            summary = "Make a resource type (not) defaultable",
            description = "Records ResourceTypeConfigured: whether resources of the type may be an environment's "
                    + "default (rule 3). Any type name may be used without registering it; the built-in "
                    + "defaultable types are listed in docs/domain.md. Configuring a type as it already is "
                    + "records nothing. Rule 1: an admin only.")
    @Refusals({HttpStatus.FORBIDDEN})
    @PutMapping("/resource-types/{type}")
    TypeBody configure(@PathVariable @TypeName String type,
                       @Valid @RequestBody TypeConfiguration body,
                       Requester requester) {
        return new TypeBody(type, body.defaultable(), commands.send(new ConfigureResourceTypeCommand(
                requester.caller().organization(), ResourceType.of(type), body.defaultable(), requester)).events());
    }
}

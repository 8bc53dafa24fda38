package io.infrashare.command.sharing;

import io.infrashare.command.project.CatalogedResource;
import io.infrashare.command.project.CommandRefusedException;
import io.infrashare.command.project.ProjectKey;
import io.infrashare.command.project.Requester;
import io.infrashare.command.project.RefusalCode;
import io.infrashare.command.project.ResourceCatalog;
import io.infrashare.command.project.ShareResourceCommand;
import io.infrashare.command.web.Names;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;
import jakarta.validation.constraints.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Shares: the owning team grants another project the use of a resource. */
@RestController
class ShareController {

    private final CommandGateway commands;
    private final ResourceCatalog catalog;

    ShareController(CommandGateway commands, ResourceCatalog catalog) {
        this.commands = commands;
        this.catalog = catalog;
    }

    record ShareBody(UUID resource, String project) {
    }

    @PutMapping("/resources/{resource}/shares/{project}")
    ShareBody share(@PathVariable UUID resource,
                    @PathVariable @Pattern(regexp = Names.ABBREVIATION, message = Names.ABBREVIATION_MESSAGE)
                    String project,
                    Requester requester) {
        ResourceId id = ResourceId.of(resource);
        CatalogedResource owned = catalog.resource(requester.caller().organization(), id)
                .orElseThrow(() -> new CommandRefusedException(RefusalCode.NOT_FOUND,
                        "Resource " + resource + " does not exist."));
        commands.sendAndWait(new ShareResourceCommand(ProjectKey.of(requester.caller().organization(), owned.owner()), id,
                ProjectId.of(project), requester));
        return new ShareBody(resource, project);
    }
}

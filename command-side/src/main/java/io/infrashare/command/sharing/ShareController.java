package io.infrashare.command.sharing;

import io.infrashare.command.project.CatalogedResource;
import io.infrashare.command.project.CommandRefusedException;
import io.infrashare.command.project.ProjectKey;
import io.infrashare.command.project.RefusalCode;
import io.infrashare.command.project.ResourceCatalog;
import io.infrashare.command.project.ShareResourceCommand;
import io.infrashare.command.web.Names;
import io.infrashare.command.web.Requests;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;
import io.infrashare.support.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
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
                    Caller caller,
                    @RequestHeader(value = Requests.REASON_HEADER, required = false)
                    @Size(max = Names.MAX_REASON) String reason,
                    HttpServletRequest request) {
        ResourceId id = ResourceId.of(resource);
        CatalogedResource owned = catalog.resource(caller.organization(), id)
                .orElseThrow(() -> new CommandRefusedException(RefusalCode.NOT_FOUND,
                        "Resource " + resource + " does not exist."));
        commands.sendAndWait(new ShareResourceCommand(ProjectKey.of(caller.organization(), owned.owner()), id,
                ProjectId.of(project), Requests.requester(caller, reason, request)));
        return new ShareBody(resource, project);
    }
}

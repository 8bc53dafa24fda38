package io.infrashare.command.resource;

import io.infrashare.command.project.CatalogedResource;
import io.infrashare.command.project.CommandRefusedException;
import io.infrashare.command.project.DecommissionResourceCommand;
import io.infrashare.command.project.ProjectKey;
import io.infrashare.command.project.ReconfigureResourceCommand;
import io.infrashare.command.project.RefusalCode;
import io.infrashare.command.project.Requester;
import io.infrashare.command.project.ResourceBody;
import io.infrashare.command.project.ResourceCatalog;
import io.infrashare.command.project.RevokeShareCommand;
import io.infrashare.command.project.ShareResourceCommand;
import io.infrashare.command.receipt.Commands;
import io.infrashare.command.receipt.ReceiptBody;
import io.infrashare.command.receipt.RecordedEvent;
import io.infrashare.command.web.Abbreviation;
import io.infrashare.command.web.Attributes;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;
import io.infrashare.support.Refusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the owning team does with a resource: reconfigure, decommission, share and revoke. Commands go to the
 * project that owns the resource, found in the catalog.
 */
@RestController
class ResourceController {

    private final Commands commands;
    private final ResourceCatalog catalog;

    ResourceController(Commands commands, ResourceCatalog catalog) {
        this.commands = commands;
        this.catalog = catalog;
    }

    record Reconfiguration(@NotNull @Attributes(nullRemoves = true) Map<String, Object> attributes) {
    }

    @Schema(name = "Share", requiredProperties = {"resource", "project", "events"})
    record ShareBody(UUID resource, String project, List<RecordedEvent> events) {
    }

    @Operation(operationId = "reconfigureResource", tags = "resources", summary = "Reconfigure a resource",
            description = "Records ResourceReconfigured: the attributes are merged as in RFC 7396, a null removing "
                    + "one (at most 50 after the merge, else a 400). Rule 2: a decommissioned resource is not "
                    + "reconfigured (409 resource-decommissioned). A reconfiguration that changes nothing "
                    + "records nothing. Rule 1: a member of the owning project's team, or an admin.")
    @Refusals({HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN})
    @PatchMapping(path = "/resources/{resource}",
            consumes = {"application/merge-patch+json", "application/json"})
    ResourceBody reconfigure(@PathVariable UUID resource, @Valid @RequestBody Reconfiguration body,
                             Requester requester) {
        ResourceId id = ResourceId.of(resource);
        return ResourceBody.of(commands.send(new ReconfigureResourceCommand(owner(requester, id), id,
                body.attributes(), requester)));
    }

    @Operation(operationId = "decommissionResource", tags = "resources", summary = "Decommission a resource",
            description = "Records ResourceDecommissioned: the resource is no longer active and can no longer be "
                    + "consumed, shared or reconfigured. Rule 5 (nothing consumed is taken away): 409 "
                    + "resource-in-use, with consumers, while an environment consumes it. Decommissioning a "
                    + "decommissioned resource records nothing. Rule 1: a member of the owning project's team, "
                    + "or an admin.")
    @Refusals({HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN})
    @PostMapping("/resources/{resource}/decommission")
    ResourceBody decommission(@PathVariable UUID resource, Requester requester) {
        ResourceId id = ResourceId.of(resource);
        return ResourceBody.of(commands.send(new DecommissionResourceCommand(owner(requester, id), id, requester)));
    }

    @Operation(operationId = "shareResource", tags = "resources", summary = "Share a resource with a project",
            description = "Records ResourceShared: the project's environments may now consume the resource (rule "
                    + "2). Sharing with the owning project is a 409 share-with-owner, a decommissioned resource "
                    + "a 409 resource-decommissioned; sharing again records nothing. Rule 1: a member of the "
                    + "owning project's team, or an admin.")
    @Refusals({HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN})
    @PutMapping("/resources/{resource}/shares/{project}")
    ShareBody share(@PathVariable UUID resource,
                    @PathVariable @Abbreviation String project, Requester requester) {
        ResourceId id = ResourceId.of(resource);
        return new ShareBody(resource, project, commands.send(new ShareResourceCommand(owner(requester, id), id,
                ProjectId.of(project), requester)).events());
    }

    @Operation(operationId = "revokeShare", tags = "resources", summary = "Revoke a share",
            description = "Records ResourceShareRevoked: the project may no longer consume the resource; 404 if "
                    + "there is no such share. Rule 5 (nothing consumed is taken away): 409 share-in-use, with "
                    + "consumers, while an environment of that project consumes it. Rule 1: a member of the "
                    + "owning project's team, or an admin.")
    @Refusals({HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN})
    @DeleteMapping("/resources/{resource}/shares/{project}")
    ReceiptBody revoke(@PathVariable UUID resource,
                       @PathVariable @Abbreviation String project, Requester requester) {
        ResourceId id = ResourceId.of(resource);
        return ReceiptBody.of(commands.send(new RevokeShareCommand(owner(requester, id), id, ProjectId.of(project),
                requester)));
    }

    /** Another organization's resource does not exist for the caller. */
    private ProjectKey owner(Requester requester, ResourceId resource) {
        CatalogedResource owned = catalog.resource(requester.caller().organization(), resource)
                .orElseThrow(() -> new CommandRefusedException(RefusalCode.NOT_FOUND,
                        "Resource " + resource + " does not exist."));
        return ProjectKey.of(requester.caller().organization(), owned.owner());
    }
}

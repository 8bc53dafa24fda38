package io.infrashare.command.environment;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrashare.command.project.ClearEnvironmentDefaultCommand;
import io.infrashare.command.project.DeleteEnvironmentCommand;
import io.infrashare.command.project.ProjectKey;
import io.infrashare.command.project.ProvisionResourceCommand;
import io.infrashare.command.project.RemoveRemoteReferenceCommand;
import io.infrashare.command.project.Requester;
import io.infrashare.command.project.ResourceBody;
import io.infrashare.command.project.SetEnvironmentDefaultCommand;
import io.infrashare.command.project.SetRemoteReferenceCommand;
import io.infrashare.command.receipt.Commands;
import io.infrashare.command.receipt.ReceiptBody;
import io.infrashare.command.receipt.RecordedEvent;
import io.infrashare.command.web.Abbreviation;
import io.infrashare.command.web.Attributes;
import io.infrashare.command.web.EnvironmentIdentifier;
import io.infrashare.command.web.Names;
import io.infrashare.command.web.TypeName;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.PackageId;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceType;
import io.infrashare.support.Refusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.util.IdGenerator;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What happens in an environment: packages provisioned there, the defaults and references it consumes, teardown. */
@RestController
class EnvironmentController {

    private final Commands commands;
    private final IdGenerator ids;

    EnvironmentController(Commands commands, IdGenerator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    record NewResource(
            @JsonProperty("package") @NotNull
            @Abbreviation String pkg,
            @NotNull @Pattern(regexp = Names.NOT_BLANK, message = Names.NOT_BLANK_MESSAGE)
            @Size(max = Names.MAX_NAME) String name,
            @Attributes Map<String, Object> attributes) {
    }

    record ResourceChoice(@NotNull UUID resource) {
    }

    @Schema(name = "EnvironmentDefault", requiredProperties = {"environment", "type", "resource", "events"})
    record DefaultBody(String environment, String type, UUID resource, List<RecordedEvent> events) {
    }

    @Schema(name = "RemoteReference", requiredProperties = {"environment", "package", "resource", "events"})
    record ReferenceBody(String environment, @JsonProperty("package") String pkg, UUID resource,
                         List<RecordedEvent> events) {
    }

    @Operation(operationId = "provisionResource", tags = "resources", summary = "Provision a package in an environment",
            description = "Records ResourceProvisioned: the package was provisioned in this environment, as a new "
                    + "active resource of the package's type. Rule 4 (one default per type, one reference per "
                    + "package, provisioned or referenced): 409 package-already-provisioned, or "
                    + "package-is-remote-reference while the package is a remote reference there. Rule 1: a "
                    + "member of the project's owner team, or an admin.")
    @Refusals({HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN})
    @PostMapping("/environments/{environment}/resources")
    @ResponseStatus(HttpStatus.CREATED)
    ResourceBody provision(@PathVariable @EnvironmentIdentifier String environment,
                           @Valid @RequestBody NewResource body,
                           Requester requester) {
        EnvironmentId id = EnvironmentId.of(environment);
        return ResourceBody.of(commands.send(new ProvisionResourceCommand(key(requester, id), id,
                PackageId.of(body.pkg()), ResourceId.of(ids.generateId()), body.name(),
                body.attributes() == null ? Map.of() : body.attributes(), requester)));
    }

    @Operation(operationId = "deleteEnvironment", tags = "environments", summary = "Tear an environment down",
            description = "Rule 6 (tearing an environment down releases it in the same history): records "
                    + "EnvironmentDefaultCleared or RemoteReferenceRemoved for each default and reference it "
                    + "held, ResourceDecommissioned for each resource it provisioned, then EnvironmentDeleted. "
                    + "Rule 5 (nothing consumed is taken away): 409 environment-resources-in-use, with "
                    + "consumers, while resources it provisioned are consumed elsewhere. Rule 1: a member of "
                    + "the project's owner team, or an admin.")
    @Refusals({HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN})
    @DeleteMapping("/environments/{environment}")
    ReceiptBody delete(@PathVariable @EnvironmentIdentifier String environment, Requester requester) {
        EnvironmentId id = EnvironmentId.of(environment);
        return ReceiptBody.of(commands.send(new DeleteEnvironmentCommand(key(requester, id), id, requester)));
    }

    @Operation(operationId = "setDefault", tags = "environments", summary = "Set an environment's default of a type",
            description = "Records EnvironmentDefaultSet: the environment consumes the resource as its default of "
                    + "the type, replacing the one before. Rule 2 (only what is active and shared is consumed): "
                    + "409 not-shared, same-project-resource, resource-decommissioned; rule 3 (types match): "
                    + "409 type-mismatch, type-not-defaultable; rule 4: one default per type. Setting the "
                    + "default that already is records nothing. Rule 1: a member of the environment's owner "
                    + "team, or an admin.")
    @Refusals({HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN})
    @PutMapping("/environments/{environment}/defaults/{type}")
    DefaultBody setDefault(@PathVariable @EnvironmentIdentifier String environment,
                           @PathVariable @TypeName String type,
                           @Valid @RequestBody ResourceChoice body,
                           Requester requester) {
        EnvironmentId id = EnvironmentId.of(environment);
        return new DefaultBody(environment, type, body.resource(), commands.send(new SetEnvironmentDefaultCommand(
                key(requester, id), id, ResourceType.of(type), ResourceId.of(body.resource()), requester)).events());
    }

    @Operation(operationId = "clearDefault", tags = "environments",
            summary = "Clear an environment's default of a type",
            description = "Records EnvironmentDefaultCleared: the environment no longer consumes a default of the "
                    + "type; 404 if it has none. Rule 1: a member of the environment's owner team, or an admin.")
    @Refusals({HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN})
    @DeleteMapping("/environments/{environment}/defaults/{type}")
    ReceiptBody clearDefault(@PathVariable @EnvironmentIdentifier String environment,
                             @PathVariable @TypeName String type,
                             Requester requester) {
        EnvironmentId id = EnvironmentId.of(environment);
        return ReceiptBody.of(commands.send(new ClearEnvironmentDefaultCommand(key(requester, id), id,
                ResourceType.of(type), requester)));
    }

    @Operation(operationId = "setRemoteReference", tags = "environments",
            summary = "Reference a resource for a package",
            description = "Records RemoteReferenceAdded: instead of provisioning the package, the environment "
                    + "consumes the resource, replacing a reference already there. Rule 2: 409 not-shared, "
                    + "same-project-resource, resource-decommissioned; rule 3: 409 type-mismatch with the "
                    + "package's type; rule 4: 409 package-already-provisioned. Rule 1: a member of the "
                    + "environment's owner team, or an admin.")
    @Refusals({HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN})
    @PutMapping("/environments/{environment}/remote-references/{package}")
    ReferenceBody setReference(@PathVariable @EnvironmentIdentifier String environment,
                               @PathVariable(name = "package") @Abbreviation String pkg,
                               @Valid @RequestBody ResourceChoice body,
                               Requester requester) {
        EnvironmentId id = EnvironmentId.of(environment);
        return new ReferenceBody(environment, pkg, body.resource(), commands.send(new SetRemoteReferenceCommand(
                key(requester, id), id, PackageId.of(pkg), ResourceId.of(body.resource()), requester)).events());
    }

    @Operation(operationId = "removeRemoteReference", tags = "environments",
            summary = "Remove the remote reference of a package",
            description = "Records RemoteReferenceRemoved: the environment no longer consumes a resource for the "
                    + "package; 404 if it has no reference for it. Rule 1: a member of the environment's owner "
                    + "team, or an admin.")
    @Refusals({HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN})
    @DeleteMapping("/environments/{environment}/remote-references/{package}")
    ReceiptBody removeReference(@PathVariable @EnvironmentIdentifier String environment,
                                @PathVariable(name = "package") @Abbreviation String pkg,
                                Requester requester) {
        EnvironmentId id = EnvironmentId.of(environment);
        return ReceiptBody.of(commands.send(new RemoveRemoteReferenceCommand(key(requester, id), id,
                PackageId.of(pkg), requester)));
    }

    private static ProjectKey key(Requester requester, EnvironmentId environment) {
        return ProjectKey.of(requester.caller().organization(), environment.project());
    }
}

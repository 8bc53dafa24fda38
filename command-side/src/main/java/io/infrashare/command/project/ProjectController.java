package io.infrashare.command.project;

import io.infrashare.command.receipt.Commands;
import io.infrashare.command.receipt.Receipt;
import io.infrashare.command.receipt.RecordedEvent;
import io.infrashare.command.web.Abbreviation;
import io.infrashare.command.web.Attributes;
import io.infrashare.command.web.EnvironmentIdentifier;
import io.infrashare.command.web.Names;
import io.infrashare.command.web.TypeName;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceType;
import io.infrashare.support.Problems;
import io.infrashare.support.Refusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.util.IdGenerator;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Creating projects, and the environments, packages and imported resources inside them. */
@RestController
class ProjectController {

    private final Commands commands;
    private final IdGenerator ids;

    ProjectController(Commands commands, IdGenerator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    record NewProject(
            @NotNull @Pattern(regexp = Names.NOT_BLANK, message = Names.NOT_BLANK_MESSAGE)
            @Size(max = Names.MAX_NAME) String name,
            @NotNull @Abbreviation String abbreviation,
            @NotNull @Pattern(regexp = Names.NOT_BLANK, message = Names.NOT_BLANK_MESSAGE)
            @Size(max = Names.MAX_NAME) String ownerTeam) {
    }

    record NewEnvironment(
            @NotNull @Pattern(regexp = Names.NOT_BLANK, message = Names.NOT_BLANK_MESSAGE)
            @Size(max = Names.MAX_NAME) String name,
            @NotNull @Abbreviation String abbreviation,
            @Size(max = 50) Map<@NotBlank @Size(max = Names.MAX_NAME) String,
                    @NotNull @Size(max = Names.MAX_NAME) String> labels,
            @EnvironmentIdentifier String forkOf) {
    }

    record NewPackage(
            @NotNull @Abbreviation String name,
            @NotNull @TypeName String bundle,
            @NotNull @TypeName String resourceType) {
    }

    record ImportedResource(
            @NotNull @TypeName String type,
            @NotNull @Pattern(regexp = Names.NOT_BLANK, message = Names.NOT_BLANK_MESSAGE)
            @Size(max = Names.MAX_NAME) String name,
            @Attributes Map<String, Object> attributes) {
    }

    @Schema(requiredProperties = {"id", "events"})
    record Created(String id, List<RecordedEvent> events) {
    }

    @Operation(operationId = "createProject", tags = "projects", summary = "Create a project",
            description = "Records ProjectCreated: a project of the caller's organization, owned by a team. The "
                    + "abbreviation is the project's id, unique in the organization (409 already-exists). Rule "
                    + "1 (only the owners write): the caller must be a member of ownerTeam, or an admin.")
    @Refusals({HttpStatus.FORBIDDEN})
    @PostMapping("/projects")
    @ResponseStatus(HttpStatus.CREATED)
    Created createProject(@Valid @RequestBody NewProject body, Requester requester) {
        Receipt<?> created = commands.send(new CreateProjectCommand(key(requester, body.abbreviation()),
                body.name(), body.ownerTeam(), requester));
        return new Created(body.abbreviation(), created.events());
    }

    @Operation(operationId = "createEnvironment", tags = "environments", summary = "Create or fork an environment",
            description = "Records EnvironmentCreated: an environment of the project, with its labels; its id is "
                    + "<project>-<abbreviation>, never used again in the project (409 already-exists). With "
                    + "forkOf, an environment of the same project, it also copies the base's defaults and "
                    + "remote references, each copy an event of its own, checked again by rule 2 (only what is "
                    + "active and shared is consumed): that is how a preview environment is made. Rule 1: a "
                    + "member of the project's owner team, or an admin.")
    @Refusals({HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN})
    @PostMapping("/projects/{project}/environments")
    @ResponseStatus(HttpStatus.CREATED)
    Created createEnvironment(@PathVariable @Abbreviation String project,
                              @Valid @RequestBody NewEnvironment body,
                              Requester requester) {
        EnvironmentId forkOf = body.forkOf() == null ? null : EnvironmentId.of(body.forkOf());
        if (forkOf != null && !forkOf.project().value().equals(project)) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.invalid("forkOf must be an environment"
                    + " of project " + project + ".", List.of(new Problems.FieldError("forkOf",
                    "must be an environment of project " + project))), null);
        }
        Receipt<EnvironmentId> created = commands.send(new CreateEnvironmentCommand(key(requester, project),
                body.abbreviation(), body.name(), body.labels() == null ? Map.of() : body.labels(), forkOf,
                requester));
        return new Created(created.result().value(), created.events());
    }

    @Operation(operationId = "addPackage", tags = "projects", summary = "Add a package to a project",
            description = "Records PackageAdded: a package on the project's canvas, a bundle of a resource type "
                    + "that its environments provision or reference; the name is unique in the project (409 "
                    + "already-exists). Rule 1: a member of the project's owner team, or an admin.")
    @Refusals({HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN})
    @PostMapping("/projects/{project}/packages")
    @ResponseStatus(HttpStatus.CREATED)
    Created addPackage(@PathVariable @Abbreviation String project,
                       @Valid @RequestBody NewPackage body,
                       Requester requester) {
        Receipt<?> added = commands.send(new AddPackageCommand(key(requester, project),
                PackageId.of(body.name()), body.bundle(), ResourceType.of(body.resourceType()), requester));
        return new Created(body.name(), added.events());
    }

    @Operation(operationId = "importResource", tags = "resources", summary = "Import an existing resource",
            description = "Records ResourceImported: a resource that exists outside infrashare, managed by the "
                    + "project, with no environment and package (origin imported). Attributes hold where it is, "
                    + "never a secret. Rule 1: a member of the project's owner team, or an admin.")
    @Refusals({HttpStatus.NOT_FOUND, HttpStatus.FORBIDDEN})
    @PostMapping("/projects/{project}/resources")
    @ResponseStatus(HttpStatus.CREATED)
    ResourceBody importResource(@PathVariable @Abbreviation String project,
                                @Valid @RequestBody ImportedResource body,
                                Requester requester) {
        Receipt<ResourceDescription> imported = commands.send(new ImportResourceCommand(key(requester, project),
                ResourceId.of(ids.generateId()), ResourceType.of(body.type()), body.name(),
                body.attributes() == null ? Map.of() : body.attributes(), requester));
        return ResourceBody.of(imported);
    }

    private static ProjectKey key(Requester requester, String project) {
        return ProjectKey.of(requester.caller().organization(), ProjectId.of(project));
    }
}

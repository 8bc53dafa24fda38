package io.infrashare.command.project;

import io.infrashare.command.web.Names;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Creating projects, and the environments and packages inside them. */
@RestController
class ProjectController {

    private final CommandGateway commands;

    ProjectController(CommandGateway commands) {
        this.commands = commands;
    }

    record NewProject(
            @NotBlank @Size(max = Names.MAX_NAME) String name,
            @NotNull @Pattern(regexp = Names.ABBREVIATION, message = Names.ABBREVIATION_MESSAGE) String abbreviation,
            @NotBlank @Size(max = Names.MAX_NAME) String ownerTeam) {
    }

    record NewEnvironment(
            @NotBlank @Size(max = Names.MAX_NAME) String name,
            @NotNull @Pattern(regexp = Names.ABBREVIATION, message = Names.ABBREVIATION_MESSAGE) String abbreviation,
            @Size(max = 50) Map<@NotBlank @Size(max = Names.MAX_NAME) String,
                    @NotNull @Size(max = Names.MAX_NAME) String> labels) {
    }

    record NewPackage(
            @NotNull @Pattern(regexp = Names.ABBREVIATION, message = Names.ABBREVIATION_MESSAGE) String name,
            @NotNull @Pattern(regexp = Names.TYPE, message = Names.TYPE_MESSAGE) String bundle,
            @NotNull @Pattern(regexp = Names.TYPE, message = Names.TYPE_MESSAGE) String resourceType) {
    }

    record Created(String id) {
    }

    @PostMapping("/projects")
    @ResponseStatus(HttpStatus.CREATED)
    Created createProject(@Valid @RequestBody NewProject body, Requester requester) {
        ProjectKey key = ProjectKey.of(requester.caller().organization(), ProjectId.of(body.abbreviation()));
        commands.sendAndWait(new CreateProjectCommand(key, body.name().strip(), body.ownerTeam().strip(),
                requester));
        return new Created(body.abbreviation());
    }

    @PostMapping("/projects/{project}/environments")
    @ResponseStatus(HttpStatus.CREATED)
    Created createEnvironment(@PathVariable @Pattern(regexp = Names.ABBREVIATION,
                                      message = Names.ABBREVIATION_MESSAGE) String project,
                              @Valid @RequestBody NewEnvironment body, Requester requester) {
        ProjectKey key = ProjectKey.of(requester.caller().organization(), ProjectId.of(project));
        var id = commands.sendAndWait(new CreateEnvironmentCommand(key, body.abbreviation(), body.name().strip(),
                body.labels() == null ? Map.of() : body.labels(), requester));
        return new Created(id.toString());
    }

    @PostMapping("/projects/{project}/packages")
    @ResponseStatus(HttpStatus.CREATED)
    Created addPackage(@PathVariable @Pattern(regexp = Names.ABBREVIATION,
                               message = Names.ABBREVIATION_MESSAGE) String project,
                       @Valid @RequestBody NewPackage body, Requester requester) {
        ProjectKey key = ProjectKey.of(requester.caller().organization(), ProjectId.of(project));
        commands.sendAndWait(new AddPackageCommand(key, PackageId.of(body.name()), body.bundle(),
                ResourceType.of(body.resourceType()), requester));
        return new Created(body.name());
    }
}

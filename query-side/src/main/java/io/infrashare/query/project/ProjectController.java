package io.infrashare.query.project;

import io.infrashare.query.Identifiers;
import io.infrashare.query.NotFound;
import io.infrashare.query.Positioned;
import io.infrashare.support.Caller;
import io.infrashare.support.Refusals;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;


@RestController
class ProjectController {

    /** The abbreviation rule of docs/http-api.md. */

    private final ProjectQuery query;

    ProjectController(ProjectQuery query) {
        this.query = query;
    }

    @Operation(operationId = "listProjects", tags = "projects", summary = "The organization's projects",
            description = "Every project of the caller's organization, by id, with its owner team and who created "
                    + "it when.")
    @GetMapping("/projects")
    ResponseEntity<ProjectsView> projects(Caller caller) {
        return query.projects(caller.organization()).toResponse();
    }

    @Operation(operationId = "getProject", tags = "projects", summary = "A project",
            description = "The project with its environments (deleted ones too, with when and by whom), the "
                    + "packages on its canvas, the resources it owns, the shares it gives and those it "
                    + "receives.")
    @Refusals({HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND})
    @GetMapping("/projects/{project}")
    ResponseEntity<ProjectView> project(@PathVariable String project, Caller caller) {
        return query.project(caller.organization(), Identifiers.project(project, "project"))
                .map(Positioned::toResponse)
                .orElseThrow(() -> new NotFound("There is no project '" + project + "'."));
    }
}

package io.infrashare.query.graph;

import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;
import io.infrashare.query.Identifiers;
import io.infrashare.query.PointInTime;
import io.infrashare.query.Positioned;
import io.infrashare.support.Caller;
import io.infrashare.support.Refusals;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.regex.Pattern;

@RestController
class GraphController {

    /** The abbreviation rule of docs/http-api.md. */
    private static final Pattern DEPTH = Pattern.compile("[0-9]{1,2}");

    private final GraphQuery query;

    GraphController(GraphQuery query) {
        this.query = query;
    }

    /**
     * The format decides the media type, whatever {@code Accept} says: the answer's content type is set here, and
     * Spring writes a body whose content type is set without negotiating.
     */
    @Operation(operationId = "getGraph", tags = "graph", summary = "The sharing graph",
            description = "The organization's projects, environments and resources and how they are related: a "
                    + "project owns its environments and the resources imported into it, a resource is provisioned "
                    + "in an environment and shared with projects (rule 2: only what is shared is consumed), an "
                    + "environment consumes resources as defaults or remote references and may be forked from "
                    + "another. Node ids are the kind and the thing's id (project:ecomm, environment:ecomm-staging, "
                    + "resource:<uuid>). Nodes are sorted by id and edges by from, to, kind and package, so the same "
                    + "state answers the same bytes. With project or resource, only what is within depth edges of "
                    + "it, followed either way. Decommissioned resources and deleted environments are left out; "
                    + "with at, the graph as it was then, with what was still there then.")
    @Refusals({HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND})
    @ApiResponse(responseCode = "200", description = "The graph, in the format asked for", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = GraphView.class)),
            @Content(mediaType = GraphFormat.MERMAID_TYPE, schema = @Schema(type = "string",
                    description = "A Mermaid flowchart LR (format=mermaid)")),
            @Content(mediaType = GraphFormat.DOT_TYPE, schema = @Schema(type = "string",
                    description = "A Graphviz digraph (format=dot)"))})
    @GetMapping("/graph")
    ResponseEntity<Object> graph(@RequestParam(required = false) String at,
                                 @Parameter(description = "Only what is within depth edges of this project")
                                 @RequestParam(required = false) String project,
                                 @Parameter(description = "Only what is within depth edges of this resource",
                                         schema = @Schema(type = "string", format = "uuid"))
                                 @RequestParam(required = false) String resource,
                                 @Parameter(description = "How many edges from project or resource, followed "
                                         + "either way", schema = @Schema(type = "integer", format = "int32",
                                         minimum = "1", maximum = "10", defaultValue = "2"))
                                 @RequestParam(required = false) String depth,
                                 @Parameter(description = "json, mermaid (text/vnd.mermaid) or dot "
                                         + "(text/vnd.graphviz)", schema = @Schema(type = "string",
                                         allowableValues = {"json", "mermaid", "dot"}, defaultValue = "json"))
                                 @RequestParam(required = false) String format,
                                 Caller caller) {
        GraphFormat drawn = format == null ? GraphFormat.JSON : GraphFormat.named(format)
                .orElseThrow(() -> Identifiers.invalid("format", "must be json, mermaid or dot",
                        "'" + format + "' is not a format: json, mermaid or dot."));
        Focus focus = new Focus(projectId(project), resourceId(resource), depth(depth));
        Positioned<GraphView> graph = at == null ? query.now(caller.organization(), focus)
                : query.at(caller.organization(), PointInTime.parse(at), focus);
        return ResponseEntity.ok()
                .header(Positioned.HEADER, Long.toString(graph.position()))
                .contentType(drawn.mediaType())
                .body(drawn.body(graph.view()));
    }

    private static ProjectId projectId(String project) {
        return project == null ? null : Identifiers.project(project, "project");
    }

    private static ResourceId resourceId(String resource) {
        return resource == null ? null : Identifiers.resource(resource, "resource");
    }

    private static int depth(String depth) {
        if (depth == null) {
            return Focus.DEFAULT_DEPTH;
        }
        if (DEPTH.matcher(depth).matches()) {
            int value = Integer.parseInt(depth);
            if (value >= 1 && value <= Focus.MAX_DEPTH) {
                return value;
            }
        }
        throw Identifiers.invalid("depth", "must be a number from 1 to " + Focus.MAX_DEPTH,
                "Parameter 'depth' must be a number from 1 to " + Focus.MAX_DEPTH + ".");
    }
}

package io.infrashare.query.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceType;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A project, environment or resource of the sharing graph.
 *
 * @param id      the kind and the thing's own id, unique across kinds (see {@link NodeKind})
 * @param label   the thing's name
 * @param project the project it belongs to: its own id for a project, the owner's for an environment or a resource
 * @param type    a resource's type; absent on projects and environments
 */
@Schema(name = "GraphNode", requiredProperties = {"id", "kind", "label", "project"})
record GraphNode(@Schema(example = "environment:ecomm-staging") String id, NodeKind kind, String label,
                 ProjectId project,
                 @Schema(description = "The resource's type; only on resource nodes")
                 @JsonInclude(JsonInclude.Include.NON_NULL) ResourceType type) {

    static GraphNode project(String id, String name) {
        return new GraphNode(NodeKind.PROJECT.node(id), NodeKind.PROJECT, name, ProjectId.of(id), null);
    }

    static GraphNode environment(String id, String name, String project) {
        return new GraphNode(NodeKind.ENVIRONMENT.node(id), NodeKind.ENVIRONMENT, name, ProjectId.of(project), null);
    }

    static GraphNode resource(String id, String name, String project, String type) {
        return new GraphNode(NodeKind.RESOURCE.node(id), NodeKind.RESOURCE, name, ProjectId.of(project),
                ResourceType.of(type));
    }

    /** The thing's own id, after the kind. */
    String key() {
        return id.substring(kind.json().length() + 1);
    }
}

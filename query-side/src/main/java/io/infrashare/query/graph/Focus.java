package io.infrashare.query.graph;

import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The part of the graph asked for: everything, or what is within {@code depth} edges of a project, of a resource, or
 * of either.
 *
 * @param project and {@code resource} are {@code null} when not asked for
 */
record Focus(ProjectId project, ResourceId resource, int depth) {

    static final int DEFAULT_DEPTH = 2;
    static final int MAX_DEPTH = 10;

    boolean whole() {
        return project == null && resource == null;
    }

    /** The node of each thing the graph starts from, and how to say it is not there. */
    Map<String, String> starts() {
        Map<String, String> starts = new LinkedHashMap<>();
        if (project != null) {
            starts.put(NodeKind.PROJECT.node(project.value()), "There is no project '" + project + "'.");
        }
        if (resource != null) {
            starts.put(NodeKind.RESOURCE.node(resource.toString()),
                    "There is no active resource '" + resource + "'.");
        }
        return starts;
    }
}

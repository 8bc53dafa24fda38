package io.infrashare.query.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Comparator;

/**
 * A relation between two nodes of the sharing graph, from one node id to another (see {@link EdgeKind}).
 *
 * @param pkg the package a remote reference stands for; absent on every other kind of edge, so that an environment
 *            referencing one resource from two packages has two edges
 */
@Schema(name = "GraphEdge", requiredProperties = {"from", "to", "kind"})
record GraphEdge(String from, String to, EdgeKind kind,
                 @Schema(description = "The package a remote reference stands for; only on remote-reference edges")
                 @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("package") String pkg) {

    /** The order of a graph's edges: by where they start, where they end, their kind and their package. */
    static final Comparator<GraphEdge> ORDER = Comparator.comparing(GraphEdge::from)
            .thenComparing(GraphEdge::to)
            .thenComparing(edge -> edge.kind().json())
            .thenComparing(GraphEdge::pkg, Comparator.nullsFirst(Comparator.naturalOrder()));

    GraphEdge(String from, String to, EdgeKind kind) {
        this(from, to, kind, null);
    }
}

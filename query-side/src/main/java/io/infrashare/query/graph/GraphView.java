package io.infrashare.query.graph;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /graph} of docs/http-api.md as JSON.
 *
 * @param asOf the instant the graph is as of: the {@code at} asked for, or without it the instant of the last event
 *             it reflects (null before the organization's first), so that the same state answers the same bytes
 */
@Schema(name = "Graph", requiredProperties = {"asOf", "nodes", "edges"})
record GraphView(@Schema(nullable = true) Instant asOf, List<GraphNode> nodes, List<GraphEdge> edges) {

    GraphView(Instant asOf, SharingGraph graph) {
        this(asOf, graph.nodes(), graph.edges());
    }
}

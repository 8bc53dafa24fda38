package io.infrashare.query.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Projects, environments and resources and how they are related, nodes sorted by id and edges by
 * {@link GraphEdge#ORDER}: the same state always lists the same things in the same order, so two answers diff.
 */
record SharingGraph(List<GraphNode> nodes, List<GraphEdge> edges) {

    /**
     * The graph of these nodes, with the edges between two of them. An edge to a node that is not there is left out:
     * a share of a decommissioned resource stays recorded but the resource is no longer shown, and a fork outlives the
     * environment it was forked from.
     */
    static SharingGraph of(Collection<GraphNode> nodes, Collection<GraphEdge> edges) {
        Set<String> ids = nodes.stream().map(GraphNode::id).collect(Collectors.toSet());
        return new SharingGraph(
                nodes.stream().sorted(Comparator.comparing(GraphNode::id)).toList(),
                edges.stream()
                        .filter(edge -> ids.contains(edge.from()) && ids.contains(edge.to()))
                        .sorted(GraphEdge.ORDER)
                        .distinct()
                        .toList());
    }

    boolean has(String node) {
        return nodes.stream().anyMatch(each -> each.id().equals(node));
    }

    /**
     * What is reachable from the starting nodes within {@code depth} edges, followed either way (a resource's
     * consumers point at it), with every edge between two of those nodes.
     */
    SharingGraph around(Set<String> starts, int depth) {
        Map<String, List<String>> neighbours = new HashMap<>();
        for (GraphEdge edge : edges) {
            neighbours.computeIfAbsent(edge.from(), node -> new ArrayList<>()).add(edge.to());
            neighbours.computeIfAbsent(edge.to(), node -> new ArrayList<>()).add(edge.from());
        }
        Set<String> reached = new HashSet<>(starts);
        Queue<String> frontier = new ArrayDeque<>(starts);
        for (int step = 0; step < depth && !frontier.isEmpty(); step++) {
            Queue<String> next = new ArrayDeque<>();
            for (String node : frontier) {
                for (String neighbour : neighbours.getOrDefault(node, List.of())) {
                    if (reached.add(neighbour)) {
                        next.add(neighbour);
                    }
                }
            }
            frontier = next;
        }
        return new SharingGraph(
                nodes.stream().filter(node -> reached.contains(node.id())).toList(),
                edges.stream().filter(edge -> reached.contains(edge.from()) && reached.contains(edge.to())).toList());
    }
}

package io.infrashare.query.graph;

import io.infrashare.events.OrganizationId;
import io.infrashare.query.PointInTime;
import io.infrashare.query.ValidityTable;
import io.infrashare.query.resource.Via;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * An organization's sharing graph read from the tables of the project, resource and consumption read models, now or
 * at a position (see {@link PointInTime}): one statement per table, whatever the size of the organization, and the
 * graph put together in memory. Like {@code ResourceConsumers} it keeps no copy of its own, so it can never disagree
 * with the views it draws.
 */
@Component
class GraphRows {

    private final JdbcClient jdbc;

    GraphRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The projects created by the position, the environments not deleted then and the resources not decommissioned
     * then, or as they are now when the position is {@code null}; with what relates them.
     */
    SharingGraph read(OrganizationId organization, Long position) {
        List<GraphNode> nodes = new ArrayList<>();
        List<GraphEdge> edges = new ArrayList<>();
        read(organization, position, "select id, name from project where organization = :organization"
                + (position == null ? "" : " and (created_position is null or created_position <= :position)"),
                row -> nodes.add(GraphNode.project(row.getString("id"), row.getString("name"))));
        read(organization, position, "select e.id, e.project, e.name, e.fork_of from " + environments(position)
                + " where e.organization = :organization", row -> {
            GraphNode environment = GraphNode.environment(row.getString("id"), row.getString("name"),
                    row.getString("project"));
            nodes.add(environment);
            edges.add(new GraphEdge(NodeKind.PROJECT.node(row.getString("project")), environment.id(),
                    EdgeKind.OWNS));
            String forkOf = row.getString("fork_of");
            if (forkOf != null) {
                edges.add(new GraphEdge(environment.id(), NodeKind.ENVIRONMENT.node(forkOf), EdgeKind.FORKED_FROM));
            }
        });
        read(organization, position, "select id, type, name, origin, owner_project, owner_environment from "
                + ValidityTable.asOf("resource", position)
                + " r where organization = :organization and status = 'active'", row -> {
            GraphNode resource = GraphNode.resource(row.getString("id"), row.getString("name"),
                    row.getString("owner_project"), row.getString("type"));
            nodes.add(resource);
            String environment = row.getString("owner_environment");
            edges.add(environment == null
                    ? new GraphEdge(NodeKind.PROJECT.node(row.getString("owner_project")), resource.id(),
                    EdgeKind.OWNS)
                    : new GraphEdge(resource.id(), NodeKind.ENVIRONMENT.node(environment), EdgeKind.PROVISIONED_IN));
        });
        read(organization, position, "select resource, project from " + ValidityTable.asOf("resource_share", position)
                        + " s where organization = :organization",
                row -> edges.add(new GraphEdge(NodeKind.RESOURCE.node(row.getString("resource")),
                        NodeKind.PROJECT.node(row.getString("project")), EdgeKind.SHARED_WITH)));
        read(organization, position, "select environment, via, slot, resource from "
                + ValidityTable.asOf("consumption", position) + " c where organization = :organization", row -> {
            boolean reference = Via.of(row.getString("via")) == Via.REMOTE_REFERENCE;
            edges.add(new GraphEdge(NodeKind.ENVIRONMENT.node(row.getString("environment")),
                    NodeKind.RESOURCE.node(row.getString("resource")),
                    reference ? EdgeKind.REMOTE_REFERENCE : EdgeKind.DEFAULT,
                    reference ? row.getString("slot") : null));
        });
        return SharingGraph.of(nodes, edges);
    }

    /**
     * The environments not deleted at the position, or now, as {@code e}. Their names and forks never change, so they
     * come from the live rows, which keep deleted environments too.
     */
    private static String environments(Long position) {
        return position == null
                ? "(select * from environment where deleted_at is null) e"
                : "environment e join (select organization, id from environment_history where " + PointInTime.VALID_AT
                + ") h on h.organization = e.organization and h.id = e.id";
    }

    private void read(OrganizationId organization, Long position, String sql, RowCallbackHandler row) {
        jdbc.sql(sql)
                .param("organization", organization.value())
                .param("position", position)
                .query(row);
    }
}

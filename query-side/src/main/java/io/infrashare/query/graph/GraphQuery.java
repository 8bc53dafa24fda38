package io.infrashare.query.graph;

import io.infrashare.events.OrganizationId;
import io.infrashare.query.NotFound;
import io.infrashare.query.PointInTime;
import io.infrashare.query.Positioned;
import io.infrashare.query.ingest.Positions;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Map;

@Component
class GraphQuery {

    private final Positions positions;
    private final PointInTime pointInTime;
    private final GraphRows rows;

    GraphQuery(Positions positions, PointInTime pointInTime, GraphRows rows) {
        this.positions = positions;
        this.pointInTime = pointInTime;
        this.rows = rows;
    }

    /**
     * The graph now. Its statements read one snapshot of the database (repeatable read), the organization's position
     * included, so the graph is exactly that position's however many events arrive meanwhile: a read of many tables
     * that compared positions before and after, as the smaller views do, would start again under a steady stream.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Positioned<GraphView> now(OrganizationId organization, Focus focus) {
        long position = positions.current(organization);
        Instant asOf = pointInTime.occurredAt(organization, position).orElse(null);
        return answer(rows.read(organization, null), focus, position, asOf);
    }

    /** The graph as it was at {@code at} (see {@link PointInTime}). */
    @Transactional(readOnly = true)
    public Positioned<GraphView> at(OrganizationId organization, Instant at, Focus focus) {
        long position = pointInTime.positionAt(organization, at);
        return answer(rows.read(organization, position), focus, position, at);
    }

    /** A start that is not in the graph (not there, or not then, or decommissioned or deleted by then) is a 404. */
    private static Positioned<GraphView> answer(SharingGraph graph, Focus focus, long position, Instant asOf) {
        if (focus.whole()) {
            return new Positioned<>(position, new GraphView(asOf, graph));
        }
        Map<String, String> starts = focus.starts();
        starts.forEach((node, notThere) -> {
            if (!graph.has(node)) {
                throw new NotFound(notThere);
            }
        });
        return new Positioned<>(position, new GraphView(asOf, graph.around(starts.keySet(), focus.depth())));
    }
}

package io.infrashare.query;

import io.infrashare.events.InfrashareEvent;
import io.infrashare.query.ingest.IncomingEvent;
import io.infrashare.query.ingest.Projector;
import org.flywaydb.core.Flyway;

import java.util.List;

/**
 * Events handed to the projector one at a time, as the topic delivers them, each with an id of its own: the n-th
 * event told to empty read models gets position n.
 */
public final class ProjectorFeed {

    private final Projector projector;
    private int told;

    private ProjectorFeed(Projector projector) {
        this.projector = projector;
    }

    /** Empties the read models by migrating the schema again from nothing. */
    public static ProjectorFeed intoEmptyReadModels(Flyway flyway, Projector projector) {
        flyway.clean();
        flyway.migrate();
        return new ProjectorFeed(projector);
    }

    public void apply(List<InfrashareEvent> events) {
        events.forEach(this::apply);
    }

    public void apply(InfrashareEvent... events) {
        for (InfrashareEvent event : events) {
            projector.apply(new IncomingEvent("event-" + ++told, event));
        }
    }
}

package io.infrashare.query.project;

import io.infrashare.events.ProjectCreated;
import io.infrashare.query.ingest.AppliedEvent;
import io.infrashare.query.ingest.Projection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The organization's projects and their owner teams. */
@Component
class ProjectReadModel implements Projection {

    private final JdbcClient jdbc;

    ProjectReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(AppliedEvent applied) {
        if (applied.event() instanceof ProjectCreated event) {
            on(event);
        }
    }

    void on(ProjectCreated event) {
        jdbc.sql("""
                        insert into project (organization, id, name, owner_team)
                        values (:organization, :id, :name, :ownerTeam)""")
                .param("organization", event.organization().value())
                .param("id", event.project().value())
                .param("name", event.name())
                .param("ownerTeam", event.ownerTeam())
                .update();
    }
}

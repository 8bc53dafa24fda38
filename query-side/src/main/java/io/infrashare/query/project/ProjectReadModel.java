package io.infrashare.query.project;

import io.infrashare.events.OrganizationId;
import io.infrashare.events.ProjectCreated;
import io.infrashare.events.ProjectId;
import io.infrashare.query.ingest.AppliedEvent;
import io.infrashare.query.ingest.Projection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The organization's projects, their owner teams and who created them when, also as the position of the
 * organization's history that created each: projects are never changed nor deleted, so that position is all a view as
 * of an earlier instant needs to know of them.
 */
@Component
class ProjectReadModel implements Projection {

    private final JdbcClient jdbc;

    ProjectReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ProjectSummary> all(OrganizationId organization) {
        return jdbc.sql("""
                        select id, name, owner_team, created_at, created_by from project
                        where organization = :organization
                        order by id""")
                .param("organization", organization.value())
                .query((row, number) -> summary(row))
                .list();
    }

    Optional<ProjectSummary> find(OrganizationId organization, ProjectId project) {
        return jdbc.sql("""
                        select id, name, owner_team, created_at, created_by from project
                        where organization = :organization and id = :id""")
                .param("organization", organization.value())
                .param("id", project.value())
                .query((row, number) -> summary(row))
                .optional();
    }

    @Override
    public void apply(AppliedEvent applied) {
        if (applied.event() instanceof ProjectCreated event) {
            on(event, applied.position());
        }
    }

    void on(ProjectCreated event, long position) {
        jdbc.sql("""
                        insert into project (organization, id, name, owner_team, created_at, created_by,
                                             created_position)
                        values (:organization, :id, :name, :ownerTeam, :createdAt, :createdBy, :position)""")
                .param("organization", event.organization().value())
                .param("id", event.project().value())
                .param("name", event.name())
                .param("ownerTeam", event.ownerTeam())
                .param("createdAt", OffsetDateTime.ofInstant(event.provenance().occurredAt(), ZoneOffset.UTC))
                .param("createdBy", event.provenance().actor())
                .param("position", position)
                .update();
    }

    private static ProjectSummary summary(ResultSet row) throws SQLException {
        OffsetDateTime createdAt = row.getObject("created_at", OffsetDateTime.class);
        return new ProjectSummary(ProjectId.of(row.getString("id")), row.getString("name"),
                row.getString("owner_team"), createdAt == null ? null : createdAt.toInstant(),
                row.getString("created_by"));
    }
}

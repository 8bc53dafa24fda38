package io.infrashare.query.resource;

import io.infrashare.events.OrganizationId;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceShareRevoked;
import io.infrashare.events.ResourceShared;
import io.infrashare.query.PointInTime;
import io.infrashare.query.ValidityTable;
import io.infrashare.query.ingest.AppliedEvent;
import io.infrashare.query.ingest.Projection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Which projects may use each resource now, who granted it and since when. */
@Component
public class ShareReadModel implements Projection {

    private final JdbcClient jdbc;
    private final ValidityTable shares;

    ShareReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.shares = new ValidityTable(jdbc, "resource_share", List.of("resource", "project"),
                List.of("granted_by", "since"));
    }

    /** The projects the resource is shared with now. */
    List<Share> of(OrganizationId organization, ResourceId resource) {
        return read(organization, resource, null);
    }

    /** The projects the resource was shared with at the position (see {@link PointInTime}). */
    List<Share> at(OrganizationId organization, ResourceId resource, long position) {
        return read(organization, resource, position);
    }

    private List<Share> read(OrganizationId organization, ResourceId resource, Long position) {
        return jdbc.sql("select resource, project, granted_by, since from " + shares.asOf(position)
                        + " s where organization = :organization and resource = :resource order by project")
                .param("organization", organization.value())
                .param("resource", resource.toString())
                .param("position", position)
                .query((row, number) -> share(row))
                .list();
    }

    /** The shares of the resources the project owns, grouped by resource in the order of their names. */
    public List<Share> givenBy(OrganizationId organization, ProjectId project) {
        return jdbc.sql("""
                        select s.resource, s.project, s.granted_by, s.since
                        from resource_share s
                        join resource r on r.organization = s.organization and r.id = s.resource
                        where s.organization = :organization and r.owner_project = :project
                        order by r.name, s.resource, s.project""")
                .param("organization", organization.value())
                .param("project", project.value())
                .query((row, number) -> share(row))
                .list();
    }

    /** The shares other projects granted this one, in the order of the resources' names. */
    public List<Share> receivedBy(OrganizationId organization, ProjectId project) {
        return jdbc.sql("""
                        select s.resource, s.project, s.granted_by, s.since
                        from resource_share s
                        join resource r on r.organization = s.organization and r.id = s.resource
                        where s.organization = :organization and s.project = :project
                        order by r.name, s.resource""")
                .param("organization", organization.value())
                .param("project", project.value())
                .query((row, number) -> share(row))
                .list();
    }

    @Override
    public void apply(AppliedEvent applied) {
        if (applied.event() instanceof ResourceShared event) {
            on(event);
            shares.changed(applied, event.resource().toString(), event.sharedWith().value());
        } else if (applied.event() instanceof ResourceShareRevoked event) {
            on(event);
            shares.changed(applied, event.resource().toString(), event.sharedWith().value());
        }
    }

    void on(ResourceShared event) {
        jdbc.sql("""
                        insert into resource_share (organization, resource, project, granted_by, since)
                        values (:organization, :resource, :project, :grantedBy, :since)""")
                .param("organization", event.organization().value())
                .param("resource", event.resource().toString())
                .param("project", event.sharedWith().value())
                .param("grantedBy", event.provenance().actor())
                .param("since", OffsetDateTime.ofInstant(event.provenance().occurredAt(), ZoneOffset.UTC))
                .update();
    }

    void on(ResourceShareRevoked event) {
        jdbc.sql("""
                        delete from resource_share
                        where organization = :organization and resource = :resource and project = :project""")
                .param("organization", event.organization().value())
                .param("resource", event.resource().toString())
                .param("project", event.sharedWith().value())
                .update();
    }

    private static Share share(ResultSet row) throws SQLException {
        return new Share(ResourceId.of(UUID.fromString(row.getString("resource"))),
                ProjectId.of(row.getString("project")), row.getString("granted_by"),
                row.getObject("since", OffsetDateTime.class).toInstant());
    }

    /** @param project the project the resource is shared with */
    public record Share(ResourceId resource, ProjectId project, String grantedBy, Instant since) {
    }
}

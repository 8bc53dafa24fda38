package io.infrashare.query.resource;

import io.infrashare.events.EnvironmentId;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;
import io.infrashare.query.PointInTime;
import io.infrashare.query.ValidityTable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Every environment that consumes a resource, through a default or a remote reference. It reads the table of the
 * consumption read model by resource instead of keeping a copy: the same rows answer "what does this environment
 * consume" and "who consumes this resource", so the two views can never disagree.
 */
@Component
class ResourceConsumers {

    private final JdbcClient jdbc;

    ResourceConsumers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Deleted environments are left out although their rows are removed when they are deleted: should one of those
     * removals have been dead-lettered, a deleted environment still consumes nothing.
     */
    List<ConsumersView.Consumer> of(OrganizationId organization, ResourceId resource) {
        return read(organization, resource, null);
    }

    /**
     * As they were at the position (see {@link PointInTime}): the rows valid then, of environments not yet deleted
     * then.
     */
    List<ConsumersView.Consumer> at(OrganizationId organization, ResourceId resource, long position) {
        return read(organization, resource, position);
    }

    private List<ConsumersView.Consumer> read(OrganizationId organization, ResourceId resource, Long position) {
        return jdbc.sql("select c.environment, e.project, c.via, c.slot, c.since from "
                        + ValidityTable.asOf("consumption", position) + " c join " + environments(position)
                        + " e on e.organization = c.organization and e.id = c.environment"
                        + " where c.organization = :organization and c.resource = :resource"
                        + " order by c.environment, c.via, c.slot")
                .param("organization", organization.value())
                .param("resource", resource.toString())
                .param("position", position)
                .query((row, number) -> consumer(row))
                .list();
    }

    /** The environments not deleted at the position, or now: the live table keeps deleted ones, marked. */
    private static String environments(Long position) {
        return position == null
                ? "(select organization, id, project from environment where deleted_at is null)"
                : "(select organization, id, project from environment_history where " + PointInTime.VALID_AT + ")";
    }

    private static ConsumersView.Consumer consumer(ResultSet row) throws SQLException {
        Via via = Via.of(row.getString("via"));
        return new ConsumersView.Consumer(EnvironmentId.of(row.getString("environment")),
                ProjectId.of(row.getString("project")), via,
                via == Via.REMOTE_REFERENCE ? PackageId.of(row.getString("slot")) : null,
                row.getObject("since", OffsetDateTime.class).toInstant());
    }
}

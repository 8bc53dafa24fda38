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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Every environment that consumes a resource, through a default or a remote reference. It reads the table of the
 * consumption read model by resource instead of keeping a copy: the same rows answer "what does this environment
 * consume" and "who consumes this resource", so the two views can never disagree.
 */
@Component
public class ResourceConsumers {

    private final JdbcClient jdbc;

    ResourceConsumers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Deleted environments are left out although their rows are removed when they are deleted: should one of those
     * removals have been dead-lettered, a deleted environment still consumes nothing.
     */
    List<ConsumersView.Consumer> of(OrganizationId organization, ResourceId resource) {
        return of(organization, List.of(resource), null).stream().map(Consumption::consumer).toList();
    }

    /**
     * As they were at the position (see {@link PointInTime}): the rows valid then, of environments not yet deleted
     * then.
     */
    List<ConsumersView.Consumer> at(OrganizationId organization, ResourceId resource, long position) {
        return of(organization, List.of(resource), position).stream().map(Consumption::consumer).toList();
    }

    /**
     * Who consumes any of the resources, now or at the position (see {@link PointInTime}) when that is not
     * {@code null}, in one statement whatever their number: live environments only, as for one resource. By
     * environment, way of consuming, slot and resource. The ids are joined as a table rather than compared with
     * {@code = any(...)}, which PostgreSQL plans by estimating every element of the array: tens of milliseconds for
     * the thousands of resources an impact's later depths hold.
     */
    public List<Consumption> of(OrganizationId organization, Collection<ResourceId> resources, Long position) {
        if (resources.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select c.environment, e.project, c.via, c.slot, c.resource, c.since from "
                        + ValidityTable.asOf("consumption", position) + " c join " + environments(position)
                        + " e on e.organization = c.organization and e.id = c.environment"
                        + " join unnest(cast(:resources as text[])) as r(id) on c.resource = r.id"
                        + " where c.organization = :organization"
                        + " order by c.environment, c.via, c.slot, c.resource")
                .param("organization", organization.value())
                .param("resources", resources.stream().map(ResourceId::toString).toArray(String[]::new))
                .param("position", position)
                .query((row, number) -> consumption(row))
                .list();
    }

    /** The environments not deleted at the position, or now: the live table keeps deleted ones, marked. */
    private static String environments(Long position) {
        return position == null
                ? "(select organization, id, project from environment where deleted_at is null)"
                : "(select organization, id, project from environment_history where " + PointInTime.VALID_AT + ")";
    }

    private static Consumption consumption(ResultSet row) throws SQLException {
        return new Consumption(EnvironmentId.of(row.getString("environment")),
                ProjectId.of(row.getString("project")), Via.of(row.getString("via")), row.getString("slot"),
                ResourceId.of(UUID.fromString(row.getString("resource"))),
                row.getObject("since", OffsetDateTime.class).toInstant());
    }

    /**
     * An environment consuming a resource.
     *
     * @param slot what it fills: the type of a default, the package of a remote reference
     */
    public record Consumption(EnvironmentId environment, ProjectId project, Via via, String slot,
                              ResourceId resource, Instant since) {

        /** The package the remote reference stands for, {@code null} for a default. */
        public PackageId pkg() {
            return via == Via.REMOTE_REFERENCE ? PackageId.of(slot) : null;
        }

        ConsumersView.Consumer consumer() {
            return new ConsumersView.Consumer(environment, project, via, pkg(), since);
        }
    }
}

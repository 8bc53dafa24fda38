package io.infrashare.query.resource;

import io.infrashare.events.EnvironmentId;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;
import io.infrashare.query.PointInTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Every environment that consumes a resource, through a default or a remote reference. It reads the tables of the
 * consumption read models by resource instead of keeping a copy: the same rows answer "what does this environment
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
        return jdbc.sql("""
                        select c.environment, e.project, c.via, c.package_name, c.since
                        from (select organization, environment, 'default' as via,
                                     cast(null as varchar(20)) as package_name, since
                              from environment_default
                              where organization = :organization and resource = :resource
                              union all
                              select organization, environment, 'remote-reference' as via, package_name, since
                              from remote_reference
                              where organization = :organization and resource = :resource) c
                        join environment e on e.organization = c.organization and e.id = c.environment
                        where e.deleted_at is null
                        order by c.environment, c.via, c.package_name""")
                .param("organization", organization.value())
                .param("resource", resource.toString())
                .query((row, number) -> {
                    String pkg = row.getString("package_name");
                    return new ConsumersView.Consumer(EnvironmentId.of(row.getString("environment")),
                            ProjectId.of(row.getString("project")), ConsumersView.Via.of(row.getString("via")),
                            pkg == null ? null : PackageId.of(pkg),
                            row.getObject("since", OffsetDateTime.class).toInstant());
                })
                .list();
    }

    /**
     * As they were at the position (see {@link PointInTime}): the rows valid then, of environments not yet deleted
     * then.
     */
    List<ConsumersView.Consumer> at(OrganizationId organization, ResourceId resource, long position) {
        return jdbc.sql("""
                        select c.environment, e.project, c.via, c.package_name, c.since
                        from (select organization, environment, 'default' as via,
                                     cast(null as varchar(20)) as package_name, since
                              from environment_default_history
                              where organization = :organization and resource = :resource and\s"""
                        + PointInTime.VALID_AT + """
                              union all
                              select organization, environment, 'remote-reference' as via, package_name, since
                              from remote_reference_history
                              where organization = :organization and resource = :resource and\s"""
                        + PointInTime.VALID_AT + """
                        ) c
                        join environment_history e on e.organization = c.organization and e.id = c.environment
                        where e.valid_from_position <= :position
                          and (e.valid_to_position is null or e.valid_to_position > :position)
                        order by c.environment, c.via, c.package_name""")
                .param("organization", organization.value())
                .param("resource", resource.toString())
                .param("position", position)
                .query((row, number) -> consumer(row))
                .list();
    }

    private static ConsumersView.Consumer consumer(ResultSet row) throws SQLException {
        String pkg = row.getString("package_name");
        return new ConsumersView.Consumer(EnvironmentId.of(row.getString("environment")),
                ProjectId.of(row.getString("project")), ConsumersView.Via.of(row.getString("via")),
                pkg == null ? null : PackageId.of(pkg), row.getObject("since", OffsetDateTime.class).toInstant());
    }
}

package io.infrashare.query.project;

import io.infrashare.events.OrganizationId;
import io.infrashare.events.PackageAdded;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceType;
import io.infrashare.query.PointInTime;
import io.infrashare.query.ingest.AppliedEvent;
import io.infrashare.query.ingest.Projection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The packages on each project's canvas and the resource type each produces. A package is never changed or removed,
 * so the position of the event that added it is all its history (V13).
 */
@Component
public class PackageReadModel implements Projection {

    private final JdbcClient jdbc;

    PackageReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ProjectView.ProjectPackage> of(OrganizationId organization, ProjectId project) {
        return jdbc.sql("""
                        select name, bundle, resource_type from project_package
                        where organization = :organization and project = :project
                        order by name""")
                .param("organization", organization.value())
                .param("project", project.value())
                .query((row, number) -> new ProjectView.ProjectPackage(PackageId.of(row.getString("name")),
                        row.getString("bundle"), ResourceType.of(row.getString("resource_type"))))
                .list();
    }

    /**
     * The type the package produces, if the project has it now or had it at the position (see {@link PointInTime}),
     * when that is not {@code null}. A package projected before V13 has no position and counts as there from the
     * start until the read models are rebuilt.
     */
    public Optional<ResourceType> typeOf(OrganizationId organization, ProjectId project, PackageId pkg,
                                         Long position) {
        return jdbc.sql("select resource_type from project_package"
                        + " where organization = :organization and project = :project and name = :name"
                        + (position == null ? "" : " and (added_position is null or added_position <= :position)"))
                .param("organization", organization.value())
                .param("project", project.value())
                .param("name", pkg.value())
                .param("position", position)
                .query((row, number) -> ResourceType.of(row.getString("resource_type")))
                .optional();
    }

    @Override
    public void apply(AppliedEvent applied) {
        if (applied.event() instanceof PackageAdded event) {
            on(event, applied.position());
        }
    }

    void on(PackageAdded event, long position) {
        jdbc.sql("""
                        insert into project_package (organization, project, name, bundle, resource_type, added_position)
                        values (:organization, :project, :name, :bundle, :resourceType, :position)""")
                .param("organization", event.organization().value())
                .param("project", event.project().value())
                .param("name", event.pkg().value())
                .param("bundle", event.bundle())
                .param("resourceType", event.resourceType().value())
                .param("position", position)
                .update();
    }
}

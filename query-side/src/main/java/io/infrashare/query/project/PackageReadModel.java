package io.infrashare.query.project;

import io.infrashare.events.OrganizationId;
import io.infrashare.events.PackageAdded;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceType;
import io.infrashare.query.ingest.AppliedEvent;
import io.infrashare.query.ingest.Projection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** The packages on each project's canvas and the resource type each produces. */
@Component
class PackageReadModel implements Projection {

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

    @Override
    public void apply(AppliedEvent applied) {
        if (applied.event() instanceof PackageAdded event) {
            on(event);
        }
    }

    void on(PackageAdded event) {
        jdbc.sql("""
                        insert into project_package (organization, project, name, bundle, resource_type)
                        values (:organization, :project, :name, :bundle, :resourceType)""")
                .param("organization", event.organization().value())
                .param("project", event.project().value())
                .param("name", event.pkg().value())
                .param("bundle", event.bundle())
                .param("resourceType", event.resourceType().value())
                .update();
    }
}

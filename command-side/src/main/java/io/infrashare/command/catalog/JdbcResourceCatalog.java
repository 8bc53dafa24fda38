package io.infrashare.command.catalog;

import io.infrashare.command.project.CatalogedResource;
import io.infrashare.command.project.ResourceCatalog;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.ProjectCreated;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceProvisioned;
import io.infrashare.events.ResourceShared;
import io.infrashare.events.ResourceType;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog's tables, written by a subscribing processor: in the transaction that appends the events, so a
 * command that commits is visible to the next one, and a catalog failure rolls the command back.
 */
@Component
@ProcessingGroup("catalog")
class JdbcResourceCatalog implements ResourceCatalog {

    private final JdbcClient jdbc;

    JdbcResourceCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean projectExists(OrganizationId organization, ProjectId project) {
        return jdbc.sql("SELECT COUNT(*) FROM project_catalog WHERE organization = ? AND project = ?")
                .params(organization.value(), project.value())
                .query(Integer.class).single() > 0;
    }

    @Override
    public Optional<CatalogedResource> resource(OrganizationId organization, ResourceId resource) {
        Set<ProjectId> shares = new HashSet<>(jdbc.sql("SELECT project FROM resource_share WHERE resource_id = ?")
                .param(resource.value())
                .query((row, n) -> ProjectId.of(row.getString("project")))
                .list());
        return jdbc.sql("""
                        SELECT owner_project, type, origin, status FROM resource_catalog
                        WHERE organization = ? AND resource_id = ?""")
                .params(organization.value(), resource.value())
                .query((row, n) -> new CatalogedResource(resource, ProjectId.of(row.getString("owner_project")),
                        ResourceType.of(row.getString("type")), "imported".equals(row.getString("origin")),
                        "active".equals(row.getString("status")), shares))
                .optional();
    }

    @EventHandler
    void on(ProjectCreated event) {
        jdbc.sql("INSERT INTO project_catalog (organization, project, owner_team) VALUES (?, ?, ?)")
                .params(event.organization().value(), event.project().value(), event.ownerTeam())
                .update();
    }

    @EventHandler
    void on(ResourceProvisioned event) {
        jdbc.sql("""
                        INSERT INTO resource_catalog (organization, resource_id, owner_project, type, origin, status)
                        VALUES (?, ?, ?, ?, 'provisioned', 'active')""")
                .params(event.organization().value(), event.resource().value(), event.project().value(),
                        event.type().value())
                .update();
    }

    @EventHandler
    void on(ResourceShared event) {
        jdbc.sql("INSERT INTO resource_share (resource_id, project) VALUES (?, ?)")
                .params(event.resource().value(), event.sharedWith().value())
                .update();
    }
}

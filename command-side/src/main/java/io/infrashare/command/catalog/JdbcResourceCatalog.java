package io.infrashare.command.catalog;

import io.infrashare.command.project.CatalogedResource;
import io.infrashare.command.project.Consumer;
import io.infrashare.command.project.DefaultableTypes;
import io.infrashare.command.project.ResourceCatalog;
import io.infrashare.events.EnvironmentDefaultCleared;
import io.infrashare.events.EnvironmentDefaultSet;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectCreated;
import io.infrashare.events.ProjectId;
import io.infrashare.events.RemoteReferenceAdded;
import io.infrashare.events.RemoteReferenceRemoved;
import io.infrashare.events.ResourceDecommissioned;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceImported;
import io.infrashare.events.ResourceProvisioned;
import io.infrashare.events.ResourceShareRevoked;
import io.infrashare.events.ResourceShared;
import io.infrashare.events.ResourceType;
import io.infrashare.events.ResourceTypeConfigured;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The catalog's tables, written by a subscribing processor: in the transaction that appends the events, so a
 * command that commits is visible to the next one, and a catalog failure rolls the command back. A projection like
 * any other: its handlers only ever see events, so {@link CatalogRebuild} builds it anew by replaying the store.
 */
@Component
@ProcessingGroup(CatalogConfiguration.PROCESSING_GROUP)
class JdbcResourceCatalog implements ResourceCatalog {

    /** Consumers share the row lock with each other; a revocation or decommission takes it exclusively. */
    private static final String USE_LOCK = "FOR SHARE";

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
        return read(organization, resource, "");
    }

    @Override
    public Optional<CatalogedResource> lockForUse(OrganizationId organization, ResourceId resource) {
        return read(organization, resource, USE_LOCK);
    }

    @Override
    public List<Consumer> lockForRemoval(OrganizationId organization, ResourceId resource) {
        jdbc.sql("SELECT resource_id FROM resource_catalog WHERE organization = ? AND resource_id = ? FOR UPDATE")
                .params(organization.value(), resource.value())
                .query(UUID.class).list();
        return jdbc.sql("""
                        SELECT environment, project, via, slot FROM consumption
                        WHERE organization = ? AND resource_id = ?
                        ORDER BY environment, via, slot""")
                .params(organization.value(), resource.value())
                .query((row, n) -> {
                    String via = row.getString("via");
                    return new Consumer(EnvironmentId.of(row.getString("environment")),
                            ProjectId.of(row.getString("project")), via,
                            Consumer.REMOTE_REFERENCE.equals(via) ? PackageId.of(row.getString("slot")) : null);
                })
                .list();
    }

    /** The resource row first, locked if asked; its shares after, so they are read under the lock. */
    private Optional<CatalogedResource> read(OrganizationId organization, ResourceId resource, String lock) {
        return jdbc.sql("SELECT owner_project, type, origin, status FROM resource_catalog "
                        + "WHERE organization = ? AND resource_id = ? " + lock)
                .params(organization.value(), resource.value())
                .query((row, n) -> new Row(row.getString("owner_project"), row.getString("type"),
                        row.getString("origin"), row.getString("status")))
                .optional()
                .map(row -> new CatalogedResource(resource, ProjectId.of(row.owner()), ResourceType.of(row.type()),
                        "imported".equals(row.origin()), "active".equals(row.status()), shares(resource)));
    }

    private Set<ProjectId> shares(ResourceId resource) {
        return new HashSet<>(jdbc.sql("SELECT project FROM resource_share WHERE resource_id = ?")
                .param(resource.value())
                .query((row, n) -> ProjectId.of(row.getString("project")))
                .list());
    }

    @Override
    public boolean defaultable(OrganizationId organization, ResourceType type) {
        return jdbc.sql("SELECT defaultable FROM resource_type_config WHERE organization = ? AND type = ?")
                .params(organization.value(), type.value())
                .query(Boolean.class)
                .optional()
                .orElse(DefaultableTypes.isBuiltIn(type));
    }

    private record Row(String owner, String type, String origin, String status) {
    }

    @EventHandler
    void on(ProjectCreated event) {
        jdbc.sql("INSERT INTO project_catalog (organization, project, owner_team) VALUES (?, ?, ?)")
                .params(event.organization().value(), event.project().value(), event.ownerTeam())
                .update();
    }

    @EventHandler
    void on(ResourceProvisioned event) {
        insertResource(event.organization(), event.resource(), event.project(), event.type(), "provisioned");
    }

    @EventHandler
    void on(ResourceImported event) {
        insertResource(event.organization(), event.resource(), event.project(), event.type(), "imported");
    }

    private void insertResource(OrganizationId organization, ResourceId resource, ProjectId owner,
                                ResourceType type, String origin) {
        jdbc.sql("""
                        INSERT INTO resource_catalog (organization, resource_id, owner_project, type, origin, status)
                        VALUES (?, ?, ?, ?, ?, 'active')""")
                .params(organization.value(), resource.value(), owner.value(), type.value(), origin)
                .update();
    }

    @EventHandler
    void on(ResourceDecommissioned event) {
        jdbc.sql("UPDATE resource_catalog SET status = 'decommissioned' WHERE resource_id = ?")
                .param(event.resource().value())
                .update();
    }

    @EventHandler
    void on(ResourceShared event) {
        jdbc.sql("INSERT INTO resource_share (resource_id, project) VALUES (?, ?)")
                .params(event.resource().value(), event.sharedWith().value())
                .update();
    }

    @EventHandler
    void on(ResourceShareRevoked event) {
        jdbc.sql("DELETE FROM resource_share WHERE resource_id = ? AND project = ?")
                .params(event.resource().value(), event.sharedWith().value())
                .update();
    }

    @EventHandler
    void on(EnvironmentDefaultSet event) {
        consume(event.organization(), event.environment(), Consumer.DEFAULT, event.type().value(), event.project(),
                event.resource());
    }

    @EventHandler
    void on(EnvironmentDefaultCleared event) {
        release(event.organization(), event.environment(), Consumer.DEFAULT, event.type().value());
    }

    @EventHandler
    void on(RemoteReferenceAdded event) {
        consume(event.organization(), event.environment(), Consumer.REMOTE_REFERENCE, event.pkg().value(),
                event.project(), event.resource());
    }

    @EventHandler
    void on(RemoteReferenceRemoved event) {
        release(event.organization(), event.environment(), Consumer.REMOTE_REFERENCE, event.pkg().value());
    }

    /** Setting a slot replaces what it held. */
    private void consume(OrganizationId organization, EnvironmentId environment, String via, String slot,
                         ProjectId project, ResourceId resource) {
        release(organization, environment, via, slot);
        jdbc.sql("""
                        INSERT INTO consumption (organization, environment, via, slot, project, resource_id)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(organization.value(), environment.value(), via, slot, project.value(), resource.value())
                .update();
    }

    private void release(OrganizationId organization, EnvironmentId environment, String via, String slot) {
        jdbc.sql("DELETE FROM consumption WHERE organization = ? AND environment = ? AND via = ? AND slot = ?")
                .params(organization.value(), environment.value(), via, slot)
                .update();
    }

    @EventHandler
    void on(ResourceTypeConfigured event) {
        int updated = jdbc.sql("UPDATE resource_type_config SET defaultable = ? WHERE organization = ? AND type = ?")
                .params(event.defaultable(), event.organization().value(), event.type().value())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO resource_type_config (organization, type, defaultable) VALUES (?, ?, ?)")
                    .params(event.organization().value(), event.type().value(), event.defaultable())
                    .update();
        }
    }
}

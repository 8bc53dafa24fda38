package io.infrashare.query.resource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceDecommissioned;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceImported;
import io.infrashare.events.ResourceProvisioned;
import io.infrashare.events.ResourceReconfigured;
import io.infrashare.events.ResourceType;
import io.infrashare.query.PointInTime;
import io.infrashare.query.ValidityTable;
import io.infrashare.query.ingest.AppliedEvent;
import io.infrashare.query.ingest.Projection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every resource of the organization as it is now: type, attributes, status, origin and owner. */
@Component
public class ResourceReadModel implements Projection {

    private static final TypeReference<LinkedHashMap<String, Object>> ATTRIBUTES = new TypeReference<>() {
    };

    private static final String COLUMNS =
            "id, type, name, attributes, status, origin, owner_project, owner_environment, owner_package";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ValidityTable versions;

    ResourceReadModel(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.versions = new ValidityTable(jdbc, "resource", List.of("id"), List.of("type", "name", "attributes",
                "status", "origin", "owner_project", "owner_environment", "owner_package"));
    }

    public Map<ResourceId, ResourceView> byIds(OrganizationId organization, Collection<ResourceId> ids) {
        return byIds(organization, ids, null);
    }

    public Optional<ResourceView> find(OrganizationId organization, ResourceId resource) {
        return byIds(organization, List.of(resource), null).values().stream().findFirst();
    }

    /** Decommissioned ones included: the project still answers for them, and their status says they are gone. */
    public List<ResourceView> ownedBy(OrganizationId organization, ProjectId project) {
        return jdbc.sql("select " + COLUMNS + " from resource"
                        + " where organization = :organization and owner_project = :project order by name, id")
                .param("organization", organization.value())
                .param("project", project.value())
                .query((row, number) -> view(row))
                .list();
    }

    /** The resources as they were at the position (see {@link PointInTime}), without those that did not exist yet. */
    public Map<ResourceId, ResourceView> byIdsAt(OrganizationId organization, Collection<ResourceId> ids,
                                                 long position) {
        return byIds(organization, ids, position);
    }

    /** @return empty if the resource did not exist yet at the position (see {@link PointInTime}) */
    public Optional<ResourceView> findAt(OrganizationId organization, ResourceId resource, long position) {
        return byIds(organization, List.of(resource), position).values().stream().findFirst();
    }

    /**
     * The active resource the package provisioned in the environment, now or at the position (see
     * {@link PointInTime}) when that is not {@code null}. Once decommissioned it no longer fills the package, which
     * may then be provisioned anew.
     */
    public Optional<ResourceView> provisionedBy(OrganizationId organization, EnvironmentId environment, PackageId pkg,
                                                Long position) {
        return jdbc.sql("select " + COLUMNS + " from " + versions.asOf(position)
                        + " r where organization = :organization and owner_environment = :environment"
                        + " and owner_package = :package and status = :active")
                .param("organization", organization.value())
                .param("environment", environment.value())
                .param("package", pkg.value())
                .param("active", ResourceStatus.ACTIVE.json())
                .param("position", position)
                .query((row, number) -> view(row))
                .optional();
    }

    /**
     * The active resources provisioned in any of the environments, now or at the position (see {@link PointInTime})
     * when that is not {@code null}, in one statement whatever their number (joined as a table, as
     * {@link ResourceConsumers} does).
     */
    public List<ResourceId> provisionedIn(OrganizationId organization, Collection<EnvironmentId> environments,
                                          Long position) {
        if (environments.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select r.id from " + versions.asOf(position)
                        + " r join unnest(cast(:environments as text[])) as e(id) on r.owner_environment = e.id"
                        + " where r.organization = :organization and r.status = :active")
                .param("organization", organization.value())
                .param("environments", environments.stream().map(EnvironmentId::value).toArray(String[]::new))
                .param("active", ResourceStatus.ACTIVE.json())
                .param("position", position)
                .query((row, number) -> ResourceId.of(UUID.fromString(row.getString("id"))))
                .list();
    }

    private Map<ResourceId, ResourceView> byIds(OrganizationId organization, Collection<ResourceId> ids,
                                                Long position) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select " + COLUMNS + " from " + versions.asOf(position)
                        + " r where organization = :organization and id in (:ids)")
                .param("organization", organization.value())
                .param("ids", ids.stream().map(ResourceId::toString).toList())
                .param("position", position)
                .query((row, number) -> view(row))
                .stream()
                .collect(Collectors.toMap(ResourceView::id, Function.identity()));
    }

    @Override
    public void apply(AppliedEvent applied) {
        if (applied.event() instanceof ResourceProvisioned event) {
            on(event);
            versions.changed(applied, event.resource().toString());
        } else if (applied.event() instanceof ResourceImported event) {
            on(event);
            versions.changed(applied, event.resource().toString());
        } else if (applied.event() instanceof ResourceReconfigured event) {
            on(event);
            versions.changed(applied, event.resource().toString());
        } else if (applied.event() instanceof ResourceDecommissioned event) {
            on(event);
            versions.changed(applied, event.resource().toString());
        }
    }

    void on(ResourceProvisioned event) {
        insert(event.organization(), event.resource(), event.type(), event.name(), event.attributes(),
                ResourceOrigin.PROVISIONED, event.project(), event.environment(), event.pkg());
    }

    /** It exists outside the platform: its project owns it, no environment or package produced it. */
    void on(ResourceImported event) {
        insert(event.organization(), event.resource(), event.type(), event.name(), event.attributes(),
                ResourceOrigin.IMPORTED, event.project(), null, null);
    }

    /** The event carries every attribute after the change, so it replaces them rather than merging. */
    void on(ResourceReconfigured event) {
        jdbc.sql("update resource set attributes = :attributes where organization = :organization and id = :id")
                .param("organization", event.organization().value())
                .param("id", event.resource().toString())
                .param("attributes", write(event.attributes()))
                .update();
    }

    /** The row stays: whatever still names the resource shows it as it ended. */
    void on(ResourceDecommissioned event) {
        jdbc.sql("update resource set status = :status where organization = :organization and id = :id")
                .param("organization", event.organization().value())
                .param("id", event.resource().toString())
                .param("status", ResourceStatus.DECOMMISSIONED.json())
                .update();
    }

    private void insert(OrganizationId organization, ResourceId resource, ResourceType type, String name,
                        Map<String, Object> attributes, ResourceOrigin origin, ProjectId project,
                        EnvironmentId environment, PackageId pkg) {
        jdbc.sql("""
                        insert into resource (organization, id, type, name, attributes, status, origin,
                                              owner_project, owner_environment, owner_package)
                        values (:organization, :id, :type, :name, :attributes, :status, :origin,
                                :ownerProject, :ownerEnvironment, :ownerPackage)""")
                .param("organization", organization.value())
                .param("id", resource.toString())
                .param("type", type.value())
                .param("name", name)
                .param("attributes", write(attributes))
                .param("status", ResourceStatus.ACTIVE.json())
                .param("origin", origin.json())
                .param("ownerProject", project.value())
                .param("ownerEnvironment", environment == null ? null : environment.value())
                .param("ownerPackage", pkg == null ? null : pkg.value())
                .update();
    }

    private ResourceView view(ResultSet row) throws SQLException {
        String environment = row.getString("owner_environment");
        String pkg = row.getString("owner_package");
        return new ResourceView(ResourceId.of(UUID.fromString(row.getString("id"))),
                ResourceType.of(row.getString("type")), row.getString("name"), attributes(row.getString("attributes")),
                ResourceStatus.of(row.getString("status")), ResourceOrigin.of(row.getString("origin")),
                new ResourceView.Owner(ProjectId.of(row.getString("owner_project")),
                        environment == null ? null : EnvironmentId.of(environment),
                        pkg == null ? null : PackageId.of(pkg)));
    }

    /** Sorted by name, so that the same attributes always read the same. */
    private String write(Map<String, Object> attributes) {
        try {
            return json.writeValueAsString(new TreeMap<>(attributes));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, Object> attributes(String text) {
        try {
            return json.readValue(text, ATTRIBUTES);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

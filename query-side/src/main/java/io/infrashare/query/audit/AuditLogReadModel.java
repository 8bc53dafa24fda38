package io.infrashare.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.EnvironmentCreated;
import io.infrashare.events.EnvironmentDefaultCleared;
import io.infrashare.events.EnvironmentDefaultSet;
import io.infrashare.events.EnvironmentDeleted;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.PackageAdded;
import io.infrashare.events.ProjectCreated;
import io.infrashare.events.ProjectId;
import io.infrashare.events.RemoteReferenceAdded;
import io.infrashare.events.RemoteReferenceRemoved;
import io.infrashare.events.ResourceDecommissioned;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceImported;
import io.infrashare.events.ResourceProvisioned;
import io.infrashare.events.ResourceReconfigured;
import io.infrashare.events.ResourceShareRevoked;
import io.infrashare.events.ResourceShared;
import io.infrashare.events.ResourceTypeConfigured;
import io.infrashare.query.audit.AuditEntry.NotApplied;
import io.infrashare.query.audit.AuditEntry.Subject;
import io.infrashare.query.ingest.AppliedEvent;
import io.infrashare.query.ingest.DeferredInserts;
import io.infrashare.query.ingest.EventLog;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The audit log: every event of the topic, once, at its organization's position, with who, when, why and what about,
 * and the event itself; an event the other read models could not apply is here too, marked as not applied. Also the
 * projects and resources each entry concerns, which are more than its subject names.
 */
@Component
class AuditLogReadModel implements EventLog {

    private final JdbcClient jdbc;
    private final DeferredInserts inserts;
    private final ObjectMapper json;

    AuditLogReadModel(JdbcClient jdbc, DeferredInserts inserts, ObjectMapper json) {
        this.jdbc = jdbc;
        this.inserts = inserts;
        this.json = json;
    }

    @Override
    public void apply(AppliedEvent applied) {
        InfrashareEvent event = applied.event();
        Subject subject = subjectOf(event);
        String organization = event.organization().value();
        inserts.add("""
                        insert into audit_entry (organization, position, event_id, type, occurred_at, actor, actor_id,
                                                 reason, correlation_id, client_reference, project, environment,
                                                 resource, data)
                        values (:organization, :position, :eventId, :type, :occurredAt, :actor, :actorId, :reason,
                                :correlationId, :clientReference, :project, :environment, :resource, :data)""",
                new MapSqlParameterSource()
                        .addValue("organization", organization)
                        .addValue("position", applied.position())
                        .addValue("eventId", applied.id())
                        .addValue("type", event.eventType())
                        // the precision both databases keep, so that what is stored is what `from` and `to` compare with
                        .addValue("occurredAt", OffsetDateTime.ofInstant(
                                event.provenance().occurredAt().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC))
                        .addValue("actor", event.provenance().actor())
                        .addValue("reason", event.provenance().reason(), Types.VARCHAR)
                        .addValue("correlationId", event.provenance().correlationId())
                        .addValue("actorId", event.provenance().actorId())
                        .addValue("clientReference", event.provenance().clientReference())
                        .addValue("project", valueOf(subject.project()), Types.VARCHAR)
                        .addValue("environment", valueOf(subject.environment()), Types.VARCHAR)
                        .addValue("resource", valueOf(subject.resource()), Types.VARCHAR)
                        .addValue("data", toJson(event)));
        for (ResourceId resource : resourcesOf(event, subject)) {
            inserts.add("insert into audit_entry_resource (organization, resource, position) values (:organization, :resource, :position)",
                    new MapSqlParameterSource()
                            .addValue("organization", organization)
                            .addValue("resource", resource.toString())
                            .addValue("position", applied.position()));
        }
        for (ProjectId project : projectsOf(event, subject)) {
            inserts.add("insert into audit_entry_project (organization, project, position) values (:organization, :project, :position)",
                    new MapSqlParameterSource()
                            .addValue("organization", organization)
                            .addValue("project", project.value())
                            .addValue("position", applied.position()));
        }
    }

    /**
     * The organization's entries that match the filter, after position {@code after} and up to {@code upTo}, oldest
     * first, at most {@code limit}.
     */
    List<AuditEntry> entries(OrganizationId organization, AuditFilter filter, long after, long upTo, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("organization", organization.value());
        params.put("after", after);
        params.put("upTo", upTo);
        params.put("limit", limit);
        StringBuilder sql = new StringBuilder("""
                select position, event_id, type, occurred_at, actor, actor_id, reason, correlation_id, client_reference,
                       project, environment, resource, data, category, read_model, message, since
                from audit_entry left join not_applied_event using (organization, position)
                where organization = :organization and position > :after and position <= :upTo""");
        if (filter.project() != null) {
            sql.append(" and position in (select position from audit_entry_project"
                    + " where organization = :organization and project = :project)");
            params.put("project", filter.project().value());
        }
        if (filter.resource() != null) {
            sql.append(" and position in (select position from audit_entry_resource"
                    + " where organization = :organization and resource = :resource)");
            params.put("resource", filter.resource().toString());
        }
        if (filter.environment() != null) {
            sql.append(" and environment = :environment");
            params.put("environment", filter.environment().value());
        }
        if (filter.actor() != null) {
            sql.append(" and actor = :actor");
            params.put("actor", filter.actor());
        }
        if (filter.type() != null) {
            sql.append(" and type = :type");
            params.put("type", filter.type());
        }
        if (filter.from() != null) {
            sql.append(" and occurred_at >= :from");
            params.put("from", OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            sql.append(" and occurred_at <= :to");
            params.put("to", OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        }
        sql.append(" order by position limit :limit");
        return jdbc.sql(sql.toString())
                .params(params)
                .query((row, number) -> new AuditEntry(row.getLong("position"), row.getString("event_id"),
                        row.getString("type"), row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        row.getString("actor"), row.getString("actor_id"), row.getString("reason"),
                        row.getString("correlation_id"), row.getString("client_reference"),
                        new Subject(
                                row.getString("project") == null ? null : ProjectId.of(row.getString("project")),
                                row.getString("environment") == null ? null
                                        : EnvironmentId.of(row.getString("environment")),
                                row.getString("resource") == null ? null
                                        : ResourceId.of(UUID.fromString(row.getString("resource")))),
                        row.getString("category") == null ? null : new NotApplied(row.getString("category"),
                                row.getString("read_model"), row.getString("message"),
                                row.getObject("since", OffsetDateTime.class).toInstant()),
                        row.getString("data")))
                .list();
    }

    private String toJson(InfrashareEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            // the event was just read from JSON by the same mapper, so this is a bug, not bad input
            throw new UncheckedIOException(e);
        }
    }

    static Subject subjectOf(InfrashareEvent event) {
        if (event instanceof ProjectCreated e) {
            return new Subject(e.project(), null, null);
        } else if (event instanceof EnvironmentCreated e) {
            return new Subject(e.project(), e.environment(), null);
        } else if (event instanceof EnvironmentDeleted e) {
            return new Subject(e.project(), e.environment(), null);
        } else if (event instanceof PackageAdded e) {
            return new Subject(e.project(), null, null);
        } else if (event instanceof ResourceProvisioned e) {
            return new Subject(e.project(), e.environment(), e.resource());
        } else if (event instanceof ResourceImported e) {
            return new Subject(e.project(), null, e.resource());
        } else if (event instanceof ResourceReconfigured e) {
            return new Subject(e.project(), null, e.resource());
        } else if (event instanceof ResourceDecommissioned e) {
            return new Subject(e.project(), e.environment(), e.resource());
        } else if (event instanceof ResourceShared e) {
            return new Subject(e.project(), null, e.resource());
        } else if (event instanceof ResourceShareRevoked e) {
            return new Subject(e.project(), null, e.resource());
        } else if (event instanceof EnvironmentDefaultSet e) {
            return new Subject(e.project(), e.environment(), e.resource());
        } else if (event instanceof EnvironmentDefaultCleared e) {
            return new Subject(e.project(), e.environment(), e.resource());
        } else if (event instanceof RemoteReferenceAdded e) {
            return new Subject(e.project(), e.environment(), e.resource());
        } else if (event instanceof RemoteReferenceRemoved e) {
            return new Subject(e.project(), e.environment(), e.resource());
        } else if (event instanceof ResourceTypeConfigured) {
            // the registry is the organization's, not a project's
            return new Subject(null, null, null);
        }
        throw new IllegalArgumentException("No audit subject for " + event.eventType());
    }

    /** The subject's resource and the one a default or reference replaced: setting one releases the other. */
    private static Set<ResourceId> resourcesOf(InfrashareEvent event, Subject subject) {
        Set<ResourceId> resources = new LinkedHashSet<>();
        resources.add(subject.resource());
        if (event instanceof EnvironmentDefaultSet e) {
            resources.add(e.replaced());
        } else if (event instanceof RemoteReferenceAdded e) {
            resources.add(e.replaced());
        }
        resources.removeIf(Objects::isNull);
        return resources;
    }

    /** The subject's project and the one a share is given to or taken from. */
    private static Set<ProjectId> projectsOf(InfrashareEvent event, Subject subject) {
        Set<ProjectId> projects = new LinkedHashSet<>();
        projects.add(subject.project());
        if (event instanceof ResourceShared e) {
            projects.add(e.sharedWith());
        } else if (event instanceof ResourceShareRevoked e) {
            projects.add(e.sharedWith());
        }
        projects.removeIf(Objects::isNull);
        return projects;
    }

    private static String valueOf(Object id) {
        return id == null ? null : id.toString();
    }
}

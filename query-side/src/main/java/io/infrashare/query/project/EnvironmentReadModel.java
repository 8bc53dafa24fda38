package io.infrashare.query.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.EnvironmentCreated;
import io.infrashare.events.EnvironmentDeleted;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.ProjectId;
import io.infrashare.query.PointInTime;
import io.infrashare.query.ingest.AppliedEvent;
import io.infrashare.query.ingest.Projection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Each project's environments, with their labels and the environment each was forked from. A deleted one stays, marked
 * with its deletion: its id is never used again, and what it consumed before remains part of the history.
 */
@Component
public class EnvironmentReadModel implements Projection {

    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    EnvironmentReadModel(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<EnvironmentView> find(OrganizationId organization, EnvironmentId environment) {
        return jdbc.sql("""
                        select id, project, name, labels, fork_of, deleted_at, deleted_by from environment
                        where organization = :organization and id = :id""")
                .param("organization", organization.value())
                .param("id", environment.value())
                .query((row, number) -> view(row))
                .optional();
    }

    /** Deleted ones included, by id. */
    List<EnvironmentView> of(OrganizationId organization, ProjectId project) {
        return jdbc.sql("""
                        select id, project, name, labels, fork_of, deleted_at, deleted_by from environment
                        where organization = :organization and project = :project
                        order by id""")
                .param("organization", organization.value())
                .param("project", project.value())
                .query((row, number) -> view(row))
                .list();
    }

    /**
     * The environment as it was at the position (see {@link PointInTime}): empty if it was not created yet, marked
     * deleted only if it was deleted by then. Its name, labels and fork never change, so they come from the live row.
     */
    public Optional<EnvironmentView> findAt(OrganizationId organization, EnvironmentId environment, long position) {
        return jdbc.sql("""
                        select e.id, e.project, e.name, e.labels, e.fork_of,
                               case when h.valid_to_position <= :position then h.valid_to end as deleted_at,
                               case when h.valid_to_position <= :position then h.deleted_by end as deleted_by
                        from environment_history h
                        join environment e on e.organization = h.organization and e.id = h.id
                        where h.organization = :organization and h.id = :id and h.valid_from_position <= :position""")
                .param("organization", organization.value())
                .param("id", environment.value())
                .param("position", position)
                .query((row, number) -> view(row))
                .optional();
    }

    @Override
    public void apply(AppliedEvent applied) {
        OffsetDateTime occurredAt = OffsetDateTime.ofInstant(applied.event().provenance().occurredAt(), ZoneOffset.UTC);
        if (applied.event() instanceof EnvironmentCreated event) {
            on(event);
            jdbc.sql("""
                            insert into environment_history (organization, id, project, valid_from, valid_from_position)
                            values (:organization, :id, :project, :validFrom, :position)""")
                    .param("organization", event.organization().value())
                    .param("id", event.environment().value())
                    .param("project", event.project().value())
                    .param("validFrom", occurredAt)
                    .param("position", applied.position())
                    .update();
        } else if (applied.event() instanceof EnvironmentDeleted event) {
            on(event);
            jdbc.sql("""
                            update environment_history
                            set valid_to = :validTo, valid_to_position = :position, deleted_by = :deletedBy
                            where organization = :organization and id = :id and valid_to_position is null""")
                    .param("organization", event.organization().value())
                    .param("id", event.environment().value())
                    .param("validTo", occurredAt)
                    .param("position", applied.position())
                    .param("deletedBy", event.provenance().actor())
                    .update();
        }
    }

    void on(EnvironmentCreated event) {
        jdbc.sql("""
                        insert into environment (organization, id, project, name, labels, fork_of)
                        values (:organization, :id, :project, :name, :labels, :forkOf)""")
                .param("organization", event.organization().value())
                .param("id", event.environment().value())
                .param("project", event.project().value())
                .param("name", event.name())
                .param("labels", write(new TreeMap<>(event.labels())))
                .param("forkOf", event.forkOf() == null ? null : event.forkOf().value())
                .update();
    }

    void on(EnvironmentDeleted event) {
        jdbc.sql("""
                        update environment set deleted_at = :deletedAt, deleted_by = :deletedBy
                        where organization = :organization and id = :id""")
                .param("organization", event.organization().value())
                .param("id", event.environment().value())
                .param("deletedAt", OffsetDateTime.ofInstant(event.provenance().occurredAt(), ZoneOffset.UTC))
                .param("deletedBy", event.provenance().actor())
                .update();
    }

    private EnvironmentView view(ResultSet row) throws SQLException {
        String forkOf = row.getString("fork_of");
        OffsetDateTime deletedAt = row.getObject("deleted_at", OffsetDateTime.class);
        EnvironmentView.Deletion deletion = deletedAt == null ? null
                : new EnvironmentView.Deletion(deletedAt.toInstant(), row.getString("deleted_by"));
        return new EnvironmentView(EnvironmentId.of(row.getString("id")), ProjectId.of(row.getString("project")),
                row.getString("name"), labels(row.getString("labels")),
                forkOf == null ? null : EnvironmentId.of(forkOf), deletion);
    }

    private String write(Map<String, String> labels) {
        try {
            return json.writeValueAsString(labels);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> labels(String text) {
        try {
            return json.readValue(text, LABELS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

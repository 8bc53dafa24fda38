package io.infrashare.query.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.EnvironmentCreated;
import io.infrashare.events.EnvironmentDeleted;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.ProjectId;
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

    @Override
    public void apply(AppliedEvent applied) {
        if (applied.event() instanceof EnvironmentCreated event) {
            on(event);
        } else if (applied.event() instanceof EnvironmentDeleted event) {
            on(event);
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

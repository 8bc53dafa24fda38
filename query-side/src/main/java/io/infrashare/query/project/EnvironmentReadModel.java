package io.infrashare.query.project;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.EnvironmentCreated;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.ProjectId;
import io.infrashare.query.ingest.AppliedEvent;
import io.infrashare.query.ingest.Projection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Each project's environments, with their labels. */
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
        return jdbc.sql("select id, project, name, labels from environment where organization = :organization and id = :id")
                .param("organization", organization.value())
                .param("id", environment.value())
                .query((row, number) -> new EnvironmentView(EnvironmentId.of(row.getString("id")),
                        ProjectId.of(row.getString("project")), row.getString("name"), labels(row.getString("labels"))))
                .optional();
    }

    @Override
    public void apply(AppliedEvent applied) {
        if (applied.event() instanceof EnvironmentCreated event) {
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

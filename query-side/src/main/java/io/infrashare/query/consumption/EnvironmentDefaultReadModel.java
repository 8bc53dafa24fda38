package io.infrashare.query.consumption;

import io.infrashare.events.EnvironmentDefaultCleared;
import io.infrashare.events.EnvironmentDefaultSet;
import io.infrashare.events.EnvironmentDeleted;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceType;
import io.infrashare.query.PointInTime;
import io.infrashare.query.ingest.AppliedEvent;
import io.infrashare.query.ingest.Projection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Each environment's defaults: one resource per type, which replaces the one before, until it is cleared. */
@Component
class EnvironmentDefaultReadModel implements Projection {

    private final JdbcClient jdbc;

    EnvironmentDefaultReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<EnvironmentDefault> of(OrganizationId organization, EnvironmentId environment) {
        return jdbc.sql("""
                        select type, resource, since, set_by from environment_default
                        where organization = :organization and environment = :environment
                        order by type""")
                .param("organization", organization.value())
                .param("environment", environment.value())
                .query((row, number) -> new EnvironmentDefault(ResourceType.of(row.getString("type")),
                        ResourceId.of(UUID.fromString(row.getString("resource"))),
                        row.getObject("since", OffsetDateTime.class).toInstant(), row.getString("set_by")))
                .list();
    }

    /** The defaults as they were at the position (see {@link PointInTime}). */
    List<EnvironmentDefault> at(OrganizationId organization, EnvironmentId environment, long position) {
        return jdbc.sql("""
                        select type, resource, since, set_by from environment_default_history
                        where organization = :organization and environment = :environment and\s"""
                        + PointInTime.VALID_AT
                        + " order by type")
                .param("organization", organization.value())
                .param("environment", environment.value())
                .param("position", position)
                .query((row, number) -> new EnvironmentDefault(ResourceType.of(row.getString("type")),
                        ResourceId.of(UUID.fromString(row.getString("resource"))),
                        row.getObject("since", OffsetDateTime.class).toInstant(), row.getString("set_by")))
                .list();
    }

    @Override
    public void apply(AppliedEvent applied) {
        if (applied.event() instanceof EnvironmentDefaultSet event) {
            on(event);
            closeHistory(applied, event.environment(), event.type());
            openHistory(applied, event);
        } else if (applied.event() instanceof EnvironmentDefaultCleared event) {
            on(event);
            closeHistory(applied, event.environment(), event.type());
        } else if (applied.event() instanceof EnvironmentDeleted event) {
            on(event);
            closeHistory(applied, event.environment(), null);
        }
    }

    private void openHistory(AppliedEvent applied, EnvironmentDefaultSet event) {
        jdbc.sql("""
                        insert into environment_default_history (organization, environment, type, resource, since,
                                                                 set_by, valid_from, valid_from_position)
                        values (:organization, :environment, :type, :resource, :since, :setBy, :since, :position)""")
                .param("organization", event.organization().value())
                .param("environment", event.environment().value())
                .param("type", event.type().value())
                .param("resource", event.resource().toString())
                .param("since", OffsetDateTime.ofInstant(event.provenance().occurredAt(), ZoneOffset.UTC))
                .param("setBy", event.provenance().actor())
                .param("position", applied.position())
                .update();
    }

    /** Closes the open row of the type, or of every type when {@code type} is {@code null}. */
    private void closeHistory(AppliedEvent applied, EnvironmentId environment, ResourceType type) {
        jdbc.sql("""
                        update environment_default_history set valid_to = :validTo, valid_to_position = :position
                        where organization = :organization and environment = :environment
                          and (:type = '' or type = :type) and valid_to_position is null""")
                .param("organization", applied.event().organization().value())
                .param("environment", environment.value())
                .param("type", type == null ? "" : type.value())
                .param("validTo", OffsetDateTime.ofInstant(applied.event().provenance().occurredAt(), ZoneOffset.UTC))
                .param("position", applied.position())
                .update();
    }

    void on(EnvironmentDefaultSet event) {
        delete(event.organization(), event.environment(), event.type());
        jdbc.sql("""
                        insert into environment_default (organization, environment, type, resource, since, set_by)
                        values (:organization, :environment, :type, :resource, :since, :setBy)""")
                .param("organization", event.organization().value())
                .param("environment", event.environment().value())
                .param("type", event.type().value())
                .param("resource", event.resource().toString())
                .param("since", OffsetDateTime.ofInstant(event.provenance().occurredAt(), ZoneOffset.UTC))
                .param("setBy", event.provenance().actor())
                .update();
    }

    /** By type alone: there is one default per type, and the history says it is gone, whichever resource it was. */
    void on(EnvironmentDefaultCleared event) {
        delete(event.organization(), event.environment(), event.type());
    }

    /**
     * The command side clears every default of an environment before deleting it, so normally there is nothing left.
     * Should one of those events have been dead-lettered, a deleted environment still consumes nothing.
     */
    void on(EnvironmentDeleted event) {
        jdbc.sql("delete from environment_default where organization = :organization and environment = :environment")
                .param("organization", event.organization().value())
                .param("environment", event.environment().value())
                .update();
    }

    private void delete(OrganizationId organization, EnvironmentId environment, ResourceType type) {
        jdbc.sql("""
                        delete from environment_default
                        where organization = :organization and environment = :environment and type = :type""")
                .param("organization", organization.value())
                .param("environment", environment.value())
                .param("type", type.value())
                .update();
    }

    record EnvironmentDefault(ResourceType type, ResourceId resource, Instant since, String setBy) {
    }
}

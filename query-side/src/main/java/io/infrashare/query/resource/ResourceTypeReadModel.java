package io.infrashare.query.resource;

import io.infrashare.events.ResourceTypeConfigured;
import io.infrashare.query.ingest.AppliedEvent;
import io.infrashare.query.ingest.Projection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The resource types an organization admin configured and whether each may be a default. A type never configured
 * is not here and keeps its built-in defaultability (docs/domain.md).
 */
@Component
class ResourceTypeReadModel implements Projection {

    private final JdbcClient jdbc;

    ResourceTypeReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(AppliedEvent applied) {
        if (applied.event() instanceof ResourceTypeConfigured event) {
            on(event);
        }
    }

    /** The latest configuration of a type replaces the one before. */
    void on(ResourceTypeConfigured event) {
        jdbc.sql("delete from resource_type where organization = :organization and type = :type")
                .param("organization", event.organization().value())
                .param("type", event.type().value())
                .update();
        jdbc.sql("""
                        insert into resource_type (organization, type, defaultable, since, set_by)
                        values (:organization, :type, :defaultable, :since, :setBy)""")
                .param("organization", event.organization().value())
                .param("type", event.type().value())
                .param("defaultable", event.defaultable())
                .param("since", OffsetDateTime.ofInstant(event.provenance().occurredAt(), ZoneOffset.UTC))
                .param("setBy", event.provenance().actor())
                .update();
    }
}

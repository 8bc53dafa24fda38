package io.infrashare.query.consumption;

import io.infrashare.events.EnvironmentDefaultCleared;
import io.infrashare.events.EnvironmentDefaultSet;
import io.infrashare.events.EnvironmentDeleted;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.RemoteReferenceAdded;
import io.infrashare.events.RemoteReferenceRemoved;
import io.infrashare.events.ResourceId;
import io.infrashare.query.PointInTime;
import io.infrashare.query.ValidityTable;
import io.infrashare.query.ingest.AppliedEvent;
import io.infrashare.query.ingest.Projection;
import io.infrashare.query.resource.Via;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * What each environment consumes, by the way it consumes it: per type, its default resource; per package, the
 * existing resource a remote reference stands for instead of one being provisioned. Either fills a slot (the type or
 * the package) and replaces what was there before, until it is cleared or removed.
 */
@Component
class ConsumptionReadModel implements Projection {

    private final JdbcClient jdbc;
    private final ValidityTable consumption;

    ConsumptionReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.consumption = new ValidityTable(jdbc, "consumption", List.of("environment", "via", "slot"),
                List.of("resource", "since", "set_by"));
    }

    /** Defaults first, each way by slot. */
    List<Consumed> of(OrganizationId organization, EnvironmentId environment) {
        return read(organization, environment, null);
    }

    /** As it was at the position (see {@link PointInTime}). */
    List<Consumed> at(OrganizationId organization, EnvironmentId environment, long position) {
        return read(organization, environment, position);
    }

    private List<Consumed> read(OrganizationId organization, EnvironmentId environment, Long position) {
        return jdbc.sql("select via, slot, resource, since, set_by from " + consumption.asOf(position)
                        + " c where organization = :organization and environment = :environment order by via, slot")
                .param("organization", organization.value())
                .param("environment", environment.value())
                .param("position", position)
                .query((row, number) -> new Consumed(Via.of(row.getString("via")), row.getString("slot"),
                        ResourceId.of(UUID.fromString(row.getString("resource"))),
                        row.getObject("since", OffsetDateTime.class).toInstant(), row.getString("set_by")))
                .list();
    }

    @Override
    public void apply(AppliedEvent applied) {
        InfrashareEvent event = applied.event();
        if (event instanceof EnvironmentDefaultSet set) {
            consume(applied, set.environment(), Via.DEFAULT, set.type().value(), set.resource());
        } else if (event instanceof EnvironmentDefaultCleared cleared) {
            // by type alone: there is one default per type, and it is gone, whichever resource it was
            release(applied, cleared.environment(), Via.DEFAULT, cleared.type().value());
        } else if (event instanceof RemoteReferenceAdded added) {
            consume(applied, added.environment(), Via.REMOTE_REFERENCE, added.pkg().value(), added.resource());
        } else if (event instanceof RemoteReferenceRemoved removed) {
            release(applied, removed.environment(), Via.REMOTE_REFERENCE, removed.pkg().value());
        } else if (event instanceof EnvironmentDeleted deleted) {
            releaseAll(applied, deleted.environment());
        }
    }

    private void consume(AppliedEvent applied, EnvironmentId environment, Via via, String slot, ResourceId resource) {
        delete(applied, environment, via, slot);
        jdbc.sql("""
                        insert into consumption (organization, environment, via, slot, resource, since, set_by)
                        values (:organization, :environment, :via, :slot, :resource, :since, :setBy)""")
                .param("organization", applied.event().organization().value())
                .param("environment", environment.value())
                .param("via", via.json())
                .param("slot", slot)
                .param("resource", resource.toString())
                .param("since", OffsetDateTime.ofInstant(applied.event().provenance().occurredAt(), ZoneOffset.UTC))
                .param("setBy", applied.event().provenance().actor())
                .update();
        consumption.changed(applied, environment.value(), via.json(), slot);
    }

    private void release(AppliedEvent applied, EnvironmentId environment, Via via, String slot) {
        delete(applied, environment, via, slot);
        consumption.changed(applied, environment.value(), via.json(), slot);
    }

    /**
     * The command side clears every default and removes every reference of an environment before deleting it, so
     * normally there is nothing left. Should one of those events have been dead-lettered, a deleted environment still
     * consumes nothing.
     */
    private void releaseAll(AppliedEvent applied, EnvironmentId environment) {
        jdbc.sql("delete from consumption where organization = :organization and environment = :environment")
                .param("organization", applied.event().organization().value())
                .param("environment", environment.value())
                .update();
        consumption.changed(applied, environment.value());
    }

    private void delete(AppliedEvent applied, EnvironmentId environment, Via via, String slot) {
        jdbc.sql("""
                        delete from consumption
                        where organization = :organization and environment = :environment
                          and via = :via and slot = :slot""")
                .param("organization", applied.event().organization().value())
                .param("environment", environment.value())
                .param("via", via.json())
                .param("slot", slot)
                .update();
    }

    /** @param slot the type of a default, the package of a remote reference */
    record Consumed(Via via, String slot, ResourceId resource, Instant since, String setBy) {
    }
}

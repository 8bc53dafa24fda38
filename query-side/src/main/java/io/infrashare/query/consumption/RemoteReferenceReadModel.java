package io.infrashare.query.consumption;

import io.infrashare.events.EnvironmentDeleted;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.PackageId;
import io.infrashare.events.RemoteReferenceAdded;
import io.infrashare.events.RemoteReferenceRemoved;
import io.infrashare.events.ResourceId;
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

/**
 * Each environment's remote references: per package, the existing resource it is instead of being provisioned. A new
 * reference for the package replaces the one before.
 */
@Component
class RemoteReferenceReadModel implements Projection {

    private final JdbcClient jdbc;

    RemoteReferenceReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Reference> of(OrganizationId organization, EnvironmentId environment) {
        return jdbc.sql("""
                        select package_name, resource, since, set_by from remote_reference
                        where organization = :organization and environment = :environment
                        order by package_name""")
                .param("organization", organization.value())
                .param("environment", environment.value())
                .query((row, number) -> new Reference(PackageId.of(row.getString("package_name")),
                        ResourceId.of(UUID.fromString(row.getString("resource"))),
                        row.getObject("since", OffsetDateTime.class).toInstant(), row.getString("set_by")))
                .list();
    }

    /** The references as they were at the position (see {@link PointInTime}). */
    List<Reference> at(OrganizationId organization, EnvironmentId environment, long position) {
        return jdbc.sql("""
                        select package_name, resource, since, set_by from remote_reference_history
                        where organization = :organization and environment = :environment and\s"""
                        + PointInTime.VALID_AT
                        + " order by package_name")
                .param("organization", organization.value())
                .param("environment", environment.value())
                .param("position", position)
                .query((row, number) -> new Reference(PackageId.of(row.getString("package_name")),
                        ResourceId.of(UUID.fromString(row.getString("resource"))),
                        row.getObject("since", OffsetDateTime.class).toInstant(), row.getString("set_by")))
                .list();
    }

    @Override
    public void apply(AppliedEvent applied) {
        if (applied.event() instanceof RemoteReferenceAdded event) {
            on(event);
            closeHistory(applied, event.environment(), event.pkg());
            openHistory(applied, event);
        } else if (applied.event() instanceof RemoteReferenceRemoved event) {
            on(event);
            closeHistory(applied, event.environment(), event.pkg());
        } else if (applied.event() instanceof EnvironmentDeleted event) {
            on(event);
            closeHistory(applied, event.environment(), null);
        }
    }

    private void openHistory(AppliedEvent applied, RemoteReferenceAdded event) {
        jdbc.sql("""
                        insert into remote_reference_history (organization, environment, package_name, resource, since,
                                                              set_by, valid_from, valid_from_position)
                        values (:organization, :environment, :pkg, :resource, :since, :setBy, :since, :position)""")
                .param("organization", event.organization().value())
                .param("environment", event.environment().value())
                .param("pkg", event.pkg().value())
                .param("resource", event.resource().toString())
                .param("since", OffsetDateTime.ofInstant(event.provenance().occurredAt(), ZoneOffset.UTC))
                .param("setBy", event.provenance().actor())
                .param("position", applied.position())
                .update();
    }

    /** Closes the open row of the package, or of every package when {@code pkg} is {@code null}. */
    private void closeHistory(AppliedEvent applied, EnvironmentId environment, PackageId pkg) {
        jdbc.sql("""
                        update remote_reference_history set valid_to = :validTo, valid_to_position = :position
                        where organization = :organization and environment = :environment
                          and (:pkg = '' or package_name = :pkg) and valid_to_position is null""")
                .param("organization", applied.event().organization().value())
                .param("environment", environment.value())
                .param("pkg", pkg == null ? "" : pkg.value())
                .param("validTo", OffsetDateTime.ofInstant(applied.event().provenance().occurredAt(), ZoneOffset.UTC))
                .param("position", applied.position())
                .update();
    }

    void on(RemoteReferenceAdded event) {
        delete(event.organization(), event.environment(), event.pkg());
        jdbc.sql("""
                        insert into remote_reference (organization, environment, package_name, resource, since, set_by)
                        values (:organization, :environment, :pkg, :resource, :since, :setBy)""")
                .param("organization", event.organization().value())
                .param("environment", event.environment().value())
                .param("pkg", event.pkg().value())
                .param("resource", event.resource().toString())
                .param("since", OffsetDateTime.ofInstant(event.provenance().occurredAt(), ZoneOffset.UTC))
                .param("setBy", event.provenance().actor())
                .update();
    }

    void on(RemoteReferenceRemoved event) {
        delete(event.organization(), event.environment(), event.pkg());
    }

    /**
     * The command side removes every reference of an environment before deleting it, so normally there is nothing
     * left. Should one of those events have been dead-lettered, a deleted environment still consumes nothing.
     */
    void on(EnvironmentDeleted event) {
        jdbc.sql("delete from remote_reference where organization = :organization and environment = :environment")
                .param("organization", event.organization().value())
                .param("environment", event.environment().value())
                .update();
    }

    private void delete(OrganizationId organization, EnvironmentId environment, PackageId pkg) {
        jdbc.sql("""
                        delete from remote_reference
                        where organization = :organization and environment = :environment and package_name = :pkg""")
                .param("organization", organization.value())
                .param("environment", environment.value())
                .param("pkg", pkg.value())
                .update();
    }

    record Reference(PackageId pkg, ResourceId resource, Instant since, String setBy) {
    }
}

package io.infrashare.query.audit;

import io.infrashare.testing.Database;
import io.infrashare.testing.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit log is only appended to: the database refuses an update or a delete of an entry, or of the resources and
 * projects it is found by, to the service's role, to the owner that ran the migrations and to a superuser alike, by
 * a trigger. The service's role may still empty every read model by TRUNCATE, as the operator's rebuild does before
 * it replays the topic. Migrations run as an owner, the service as a role of its own, as a deployment would.
 */
class AuditLogAppendOnlyIT {

    private static final List<String> AUDIT_TABLES = List.of("audit_entry", "audit_entry_resource",
            "audit_entry_project");

    @Test
    void anAuditEntryIsNeverChangedNorRemovedByAnyRoleAndARebuildStillEmptiesTheLog() {
        Database database = TestInfrastructure.newDatabase();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String owner = "owner_" + suffix;
        String runtime = "service_" + suffix;
        JdbcClient superuser = JdbcClient.create(database.dataSource());
        superuser.sql("create role " + owner + " login password 'owner'").update();
        superuser.sql("create role " + runtime + " login password 'service'").update();
        superuser.sql("alter schema public owner to " + owner).update();
        // the server's URL without the test's own login in it, so that each connection is who it says
        String url = database.url().replaceFirst("\\?.*$", "");
        Flyway.configure().dataSource(url, owner, "owner").placeholders(Map.of("runtime_role", runtime)).load()
                .migrate();
        JdbcClient service = JdbcClient.create(new Database(url, runtime, "service").dataSource());
        JdbcClient owners = JdbcClient.create(new Database(url, owner, "owner").dataSource());

        append(service, 1);
        append(service, 2);

        for (JdbcClient role : List.of(service, owners, superuser)) {
            for (String table : AUDIT_TABLES) {
                assertThatThrownBy(() -> role.sql("update " + table + " set position = position + 10").update())
                        .hasMessageContaining(table + " is append-only: UPDATE refused");
                assertThatThrownBy(() -> role.sql("delete from " + table + " where position = 1").update())
                        .hasMessageContaining(table + " is append-only: DELETE refused");
            }
        }
        assertThat(service.sql("select position from audit_entry order by position").query(Long.class).list())
                .as("the entries are as they were recorded").containsExactly(1L, 2L);
        AUDIT_TABLES.forEach(table -> assertThat(count(service, table)).as(table).isEqualTo(2));

        // what ReadModelRebuild#emptyReadModels sends, as the service's role
        List<String> tables = service.sql("select tablename from pg_tables where schemaname = 'public'"
                + " and tablename <> 'flyway_schema_history' order by tablename").query(String.class).list();
        service.sql("truncate table " + String.join(", ", tables)).update();
        AUDIT_TABLES.forEach(table -> assertThat(count(service, table)).as(table).isZero());
        append(service, 1);
        assertThat(count(service, "audit_entry")).as("the replay appends again").isEqualTo(1);
    }

    private static void append(JdbcClient jdbc, long position) {
        Map<String, Object> key = Map.of("organization", "acme", "position", position);
        jdbc.sql("""
                        insert into audit_entry (organization, position, event_id, type, occurred_at, actor,
                                                 correlation_id, data)
                        values (:organization, :position, :eventId, 'ProjectCreated', now(), 'olivia', 'c-1', '{}')""")
                .params(key).param("eventId", "e-" + position).update();
        jdbc.sql("insert into audit_entry_resource (organization, resource, position) values (:organization, 'r', :position)")
                .params(key).update();
        jdbc.sql("insert into audit_entry_project (organization, project, position) values (:organization, 'p', :position)")
                .params(key).update();
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}

package io.infrashare.command.it;

import io.infrashare.command.CommandApplication;
import io.infrashare.http.Api;
import io.infrashare.testing.Database;
import io.infrashare.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The command side's own database role appends to the event store and reads it, and can do nothing else to it: the
 * database refuses an update or a delete of a stored event, whoever sends it at that role's connection. Migrations run
 * as the owner. The service runs here with an owner and a runtime role of their own, as a deployment would. Beyond
 * the privileges, a trigger refuses the same to the owner and to a superuser.
 */
class LeastPrivilegeIT {

    @Test
    void theServicesRoleAppendsToTheEventStoreAndCannotChangeAStoredEvent() throws Exception {
        Roles roles = Roles.ofANewDatabase();
        try (ConfigurableApplicationContext service = roles.startTheService()) {
            assertThat(createProject(service, "Ledger", "ledger"))
                    .as("the service appends as its own role").isEqualTo(201);
        }

        try (Connection service = DriverManager.getConnection(roles.url, roles.runtime, "service");
             Statement statement = service.createStatement()) {
            assertThat(count(statement)).isEqualTo(1);
            try (var privileges = statement.executeQuery("select current_user, has_table_privilege('domainevententry',"
                    + " 'UPDATE'), (select tableowner from pg_tables where tablename = 'domainevententry'),"
                    + " (select rolsuper from pg_roles where rolname = current_user)")) {
                privileges.next();
                assertThat(privileges.getString(1) + " update=" + privileges.getBoolean(2) + " owner="
                        + privileges.getString(3) + " super=" + privileges.getBoolean(4)).isEqualTo(roles.runtime
                        + " update=false owner=" + roles.owner + " super=false");
            }
            assertThatThrownBy(() -> statement.executeUpdate("update DomainEventEntry set payload = payload"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeUpdate("delete from DomainEventEntry"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.executeUpdate("truncate DomainEventEntry"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThat(count(statement)).as("the stored event is as it was").isEqualTo(1);
        }
    }

    /**
     * Beyond the privileges, a trigger refuses an update, a delete or a truncate of the event store to whoever sends
     * it: the owner that ran the migrations and a superuser too. Only dropping or disabling the trigger gets past it.
     */
    @Test
    void neitherTheOwnerNorASuperuserChangesAStoredEventAndTheServiceGoesOnAppending() throws Exception {
        Roles roles = Roles.ofANewDatabase();
        try (ConfigurableApplicationContext service = roles.startTheService()) {
            assertThat(createProject(service, "Ledger", "ledger")).isEqualTo(201);

            try (Connection owner = DriverManager.getConnection(roles.url, roles.owner, "owner");
                 Connection superuser = roles.database.dataSource().getConnection()) {
                for (Connection connection : List.of(owner, superuser)) {
                    try (Statement statement = connection.createStatement()) {
                        assertThatThrownBy(() -> statement.executeUpdate("update DomainEventEntry set payload = payload"))
                                .isInstanceOf(SQLException.class)
                                .hasMessageContaining("domainevententry is append-only: UPDATE refused");
                        assertThatThrownBy(() -> statement.executeUpdate("delete from DomainEventEntry"))
                                .isInstanceOf(SQLException.class)
                                .hasMessageContaining("domainevententry is append-only: DELETE refused");
                        assertThatThrownBy(() -> statement.executeUpdate("truncate DomainEventEntry"))
                                .isInstanceOf(SQLException.class)
                                .hasMessageContaining("domainevententry is append-only: TRUNCATE refused");
                        assertThat(count(statement)).as("the stored event is as it was").isEqualTo(1);
                    }
                }
            }

            assertThat(createProject(service, "Payroll", "payroll"))
                    .as("the service appends past the trigger").isEqualTo(201);
        }
        try (Connection owner = DriverManager.getConnection(roles.url, roles.owner, "owner");
             Statement statement = owner.createStatement()) {
            assertThat(count(statement)).isEqualTo(2);
        }
    }

    /**
     * The organizations' trees are read and written by the publisher and never deleted; the checkpoints issued are
     * appended and read, and neither the service's role nor the owner changes or removes one.
     */
    @Test
    void theServicesRoleGrowsTheLogsTreesAndOnlyAppendsCheckpoints() throws Exception {
        Roles roles = Roles.ofANewDatabase();
        roles.startTheService().close();

        try (Connection service = DriverManager.getConnection(roles.url, roles.runtime, "service");
             Statement statement = service.createStatement()) {
            try (var privileges = statement.executeQuery("select"
                    + " has_table_privilege('log_tree', 'SELECT, INSERT, UPDATE'), has_table_privilege('log_tree',"
                    + " 'DELETE'), has_table_privilege('log_tree', 'TRUNCATE'),"
                    + " has_table_privilege('log_checkpoint', 'SELECT, INSERT'), has_table_privilege('log_checkpoint',"
                    + " 'UPDATE'), has_table_privilege('log_checkpoint', 'DELETE')")) {
                privileges.next();
                assertThat(List.of(privileges.getBoolean(1), privileges.getBoolean(2), privileges.getBoolean(3),
                        privileges.getBoolean(4), privileges.getBoolean(5), privileges.getBoolean(6)))
                        .containsExactly(true, false, false, true, false, false);
            }
            statement.executeUpdate("insert into log_tree values ('acme', 2, decode(repeat('00', 32), 'hex'),"
                    + " decode(repeat('00', 32), 'hex'), now())");
            assertThatThrownBy(() -> statement.executeUpdate("update log_tree set size = 1"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("cannot shrink");
            statement.executeUpdate("insert into log_checkpoint values ('acme', 2, decode(repeat('00', 32), 'hex'),"
                    + " '7986f81c', now(), 'a note')");
        }
        try (Connection owner = DriverManager.getConnection(roles.url, roles.owner, "owner");
             Statement statement = owner.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("delete from log_checkpoint"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("log_checkpoint is append-only: DELETE refused");
        }
    }

    private static int createProject(ConfigurableApplicationContext service, String name, String abbreviation) {
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        return Api.localhost(port).as("dev-ops").post("/projects", "{\"name\":\"" + name + "\",\"abbreviation\":\""
                + abbreviation + "\",\"ownerTeam\":\"ops\"}").status();
    }

    /** A database of its own, owned by a role of its own, and the role the service runs as. */
    private record Roles(Database database, String url, String owner, String runtime) {

        static Roles ofANewDatabase() throws SQLException {
            Database database = TestInfrastructure.newDatabase();
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            String owner = "owner_" + suffix;
            String runtime = "service_" + suffix;
            try (Connection admin = database.dataSource().getConnection(); Statement statement = admin.createStatement()) {
                statement.execute("create role " + owner + " login password 'owner'");
                statement.execute("create role " + runtime + " login password 'service'");
                statement.execute("alter database \"" + admin.getCatalog() + "\" owner to " + owner);
                statement.execute("alter schema public owner to " + owner);
            }
            // the server's URL without the test's own login in it, so that each connection is who it says
            return new Roles(database, database.url().replaceFirst("\\?.*$", ""), owner, runtime);
        }

        ConfigurableApplicationContext startTheService() {
            String[] arguments = new Database(url, runtime, "service").springArguments("--server.port=0",
                    "--infrashare.publication.enabled=false", "--spring.profiles.active=demo",
                    "--spring.flyway.user=" + owner, "--spring.flyway.password=owner",
                    "--spring.flyway.placeholders.runtime_role=" + runtime);
            return new SpringApplicationBuilder(CommandApplication.class).run(arguments);
        }
    }

    private static int count(Statement statement) throws SQLException {
        try (var rows = statement.executeQuery("select count(*) from DomainEventEntry")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}

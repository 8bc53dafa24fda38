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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The command side's own database role appends to the event store and reads it, and can do nothing else to it: the
 * database refuses an update or a delete of a stored event, whoever sends it at that role's connection. Migrations run
 * as the owner. The service runs here with an owner and a runtime role of their own, as a deployment would.
 */
class LeastPrivilegeIT {

    @Test
    void theServicesRoleAppendsToTheEventStoreAndCannotChangeAStoredEvent() throws Exception {
        Database database = TestInfrastructure.newDatabase();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String owner = "owner_" + suffix;
        String runtime = "service_" + suffix;
        // the server's URL without the test's own login in it, so that each connection is who it says
        String url = database.url().replaceFirst("\\?.*$", "");
        try (Connection admin = database.dataSource().getConnection(); Statement statement = admin.createStatement()) {
            statement.execute("create role " + owner + " login password 'owner'");
            statement.execute("create role " + runtime + " login password 'service'");
            statement.execute("alter database \"" + admin.getCatalog() + "\" owner to " + owner);
            statement.execute("alter schema public owner to " + owner);
        }
        String[] arguments = new Database(url, runtime, "service").springArguments("--server.port=0",
                "--infrashare.publication.enabled=false", "--spring.profiles.active=demo",
                "--spring.flyway.user=" + owner, "--spring.flyway.password=owner",
                "--spring.flyway.placeholders.runtime_role=" + runtime);
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(CommandApplication.class)
                .run(arguments)) {
            int port = ((WebServerApplicationContext) service).getWebServer().getPort();
            assertThat(Api.localhost(port).as("dev-ops").post("/projects",
                    "{\"name\":\"Ledger\",\"abbreviation\":\"ledger\",\"ownerTeam\":\"ops\"}").status())
                    .as("the service appends as its own role").isEqualTo(201);
        }

        try (Connection service = DriverManager.getConnection(url, runtime, "service");
             Statement statement = service.createStatement()) {
            assertThat(count(statement)).isEqualTo(1);
            try (var privileges = statement.executeQuery("select current_user, has_table_privilege('domainevententry',"
                    + " 'UPDATE'), (select tableowner from pg_tables where tablename = 'domainevententry'),"
                    + " (select rolsuper from pg_roles where rolname = current_user)")) {
                privileges.next();
                assertThat(privileges.getString(1) + " update=" + privileges.getBoolean(2) + " owner="
                        + privileges.getString(3) + " super=" + privileges.getBoolean(4)).isEqualTo(runtime
                        + " update=false owner=" + owner + " super=false");
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

    private static int count(Statement statement) throws SQLException {
        try (var rows = statement.executeQuery("select count(*) from DomainEventEntry")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}

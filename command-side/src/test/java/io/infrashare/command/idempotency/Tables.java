package io.infrashare.command.idempotency;

import io.infrashare.testing.Database;
import io.infrashare.testing.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.Map;

/** A new PostgreSQL database with the command side's migrations applied, as the application runs them. */
final class Tables {

    private Tables() {
    }

    static JdbcClient migrated() {
        Database server = TestInfrastructure.newDatabase();
        DataSource database = server.dataSource();
        Flyway.configure()
                .dataSource(database)
                .placeholders(Map.of("global_index_type", "BIGSERIAL", "binary_type", "BYTEA",
                        "runtime_role", server.user()))
                .load()
                .migrate();
        return JdbcClient.create(database);
    }
}

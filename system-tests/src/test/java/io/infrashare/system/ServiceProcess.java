package io.infrashare.system;

import io.infrashare.http.Api;
import io.infrashare.testing.Database;
import io.infrashare.testing.TestLogKey;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * One of the applications, started from its runnable jar as its own process, as {@code ./infrashare up} does. Every
 * answer its {@link #api() clients} receive is checked against the OpenAPI document it serves, and
 * {@link #close() stopping it} fails with what did not match.
 */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final ServedContract contract;
    final int port;

    private ServiceProcess(Process process, ServedContract contract, int port) {
        this.process = process;
        this.contract = contract;
        this.port = port;
    }

    /**
     * The environment, with the {@code DATABASE_*} variables that point an application at the database, and the demo
     * principals unless it names a profile.
     */
    static Map<String, String> on(Database database, Map<String, String> environment) {
        Map<String, String> withDatabase = trustingJwts(database, environment);
        withDatabase.putIfAbsent("SPRING_PROFILES_ACTIVE", "demo");
        return withDatabase;
    }

    /**
     * The environment with the {@code DATABASE_*} variables and no profile: the application takes the JWTs of the
     * issuer the environment names.
     */
    static Map<String, String> trustingJwts(Database database, Map<String, String> environment) {
        Map<String, String> withDatabase = new HashMap<>(environment);
        withDatabase.put("DATABASE_URL", database.url());
        withDatabase.put("DATABASE_USER", database.user());
        withDatabase.put("DATABASE_PASSWORD", database.password());
        return withDatabase;
    }

    /**
     * Stops what a test started, in the order given, each whatever happens to the others; parts never started are
     * {@code null}. The first failure is thrown once all were tried.
     */
    static void stopAll(AutoCloseable... started) throws Exception {
        Throwable failure = null;
        for (AutoCloseable part : started) {
            try {
                if (part != null) {
                    part.close();
                }
            } catch (Exception | AssertionError e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure instanceof AssertionError assertion) {
            throw assertion;
        }
        if (failure != null) {
            throw (Exception) failure;
        }
    }

    /** A port nothing listens on now, for a process about to start. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static ServiceProcess start(String name, int port, Map<String, String> environment) throws IOException {
        Path jar = Path.of(System.getProperty("infrashare." + name + ".jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the applications first (./mvnw verify does)");
        }
        Path logs = Path.of(System.getProperty("infrashare.logs", "target/system-logs"));
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx384m", "-jar", jar.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // the profile is the test's choice, never inherited from the build's environment
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        // the command side signs its logs with the tests' key and the query side trusts it, unless a test says otherwise
        builder.environment().put("INFRASHARE_LOG_SIGNING_KEY", TestLogKey.PRIVATE_KEY);
        builder.environment().put("INFRASHARE_LOG_VERIFIER_KEYS", TestLogKey.VERIFIER_KEY);
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        Process process = builder.start();
        Api service = Api.localhost(port);
        await(name + " healthy (see " + log + ")").atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500))
                .failFast(name + " exited; see " + log, () -> !process.isAlive())
                .ignoreExceptions()
                .until(() -> service.withTimeout(Duration.ofSeconds(2)).get("/actuator/health").text()
                        .contains("\"UP\""));
        try {
            return new ServiceProcess(process, ServedContract.servedBy(name, service), port);
        } catch (RuntimeException e) {
            process.destroyForcibly(); // its document could not be read: nothing would stop it otherwise
            throw e;
        }
    }

    /** A client of the service at the loopback, each of its answers checked against the served document. */
    Api api() {
        return checking(Api.localhost(port));
    }

    /** The client, which sends to this service, with each of its answers checked against the served document. */
    Api checking(Api api) {
        return contract.checking(api);
    }

    /**
     * Stops the process, then fails, naming each operation, status and message, if an answer its clients received did
     * not match the document it serves.
     */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        contract.assertKept();
    }
}

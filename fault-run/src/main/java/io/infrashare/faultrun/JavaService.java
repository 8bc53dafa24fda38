package io.infrashare.faultrun;

import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.localpostgres.PostgresCluster;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One of the two applications, started from its runnable jar as {@code ./infrashare up} starts it. */
public final class JavaService extends Member {

    private final Path jar;
    private final int port;
    private final Map<String, String> environment;

    public JavaService(String name, Path jar, int port, Map<String, String> environment, Path log) {
        super(name, log);
        this.jar = jar;
        this.port = port;
        this.environment = environment;
    }

    /**
     * The environment of an app on the given PostgreSQL, with the demo principals of the {@code demo} profile: runs on real
     * processes are about delivery and speed, not authentication. The apps of a run share the key directory beside
     * their data directories: the first command side generates the log's signing key there, and the query side trusts
     * what it lists.
     */
    public static Map<String, String> onPostgres(int port, Path dataDirectory, Broker kafka, Postgres postgres,
                                                 String database) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.put("SPRING_PROFILES_ACTIVE", "demo");
        environment.put("DATABASE_URL", postgres.url(database));
        // the service's own role, as ./infrashare runs it; the migrations run as the databases' owner
        environment.put("DATABASE_USER", PostgresCluster.SERVICE_ROLE);
        environment.put("DATABASE_OWNER", Postgres.USER);
        environment.put("DATABASE_PASSWORD", "");
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("INFRASHARE_DATA_DIR", dataDirectory.toString());
        // one key folder for the run's apps: the first command side generates the signing key, every side trusts it
        environment.put("INFRASHARE_LOG_KEY_DIRECTORY", dataDirectory.resolveSibling("keys").toString());
        environment.put("INFRASHARE_LOG_GENERATE_KEY", "true");
        environment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        return environment;
    }

    public int port() {
        return port;
    }

    /** Its HTTP API at the loopback address, as the stack's clients reach it. */
    public Api api() {
        return Api.at("http://127.0.0.1:" + port);
    }

    @Override
    List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    @Override
    Map<String, String> environment() {
        return environment;
    }

    @Override
    boolean ready() {
        try {
            Answer health = api().withTimeout(Duration.ofSeconds(2)).get("/actuator/health");
            return health.status() == 200 && health.text().contains("\"UP\"");
        } catch (UncheckedIOException e) {
            return false; // not listening yet, or interrupted (the flag is set again)
        }
    }
}

package io.infrashare.faultrun;

import io.infrashare.localpostgres.PostgresCluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One of the two applications, started from its runnable jar as {@code ./infrashare up} starts it. */
public final class JavaService extends Member {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

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
     * processes are about delivery and speed, not authentication.
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
        environment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        return environment;
    }

    public int port() {
        return port;
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
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            HttpResponse<String> answer = HTTP.send(health, HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains("\"UP\"");
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

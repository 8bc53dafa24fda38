package io.infrashare.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * Keycloak from its distribution (unpacked under {@code target/} by the build), in development mode, importing the
 * realm of docker-compose.yml. As compose does, it names itself by one address ({@code localhost}, the issuer of its
 * tokens) while the applications may reach it by another ({@code 127.0.0.1}).
 */
final class KeycloakServer implements AutoCloseable {

    static final String REALM_FILE = "docker/keycloak/infrashare-realm.json";
    static final String CLIENT = "infrashare-cli";
    /** Keycloak 26 runs on Java 21 or newer; the build itself may run on an older one. */
    private static final int JAVA_NEEDED = 21;
    private static final Pattern PASSWORD_VARIABLE = Pattern.compile("\\$\\{(INFRASHARE_PASSWORD_[A-Z0-9_]+)}");

    private final Process process;
    private final Path log;
    private final int port;
    private final Map<String, String> passwords;
    private final String adminPassword;

    private KeycloakServer(Process process, Path log, int port, Map<String, String> passwords,
                           String adminPassword) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.passwords = passwords;
        this.adminPassword = adminPassword;
    }

    /**
     * Starts Keycloak on a fresh database with the realm file of the repository, each of its people given a password
     * of this run; {@link #awaitReady()} waits until the realm answers.
     */
    static KeycloakServer start(Path root, int port, int managementPort) throws IOException {
        Path home = Path.of(System.getProperty("infrashare.keycloak.home", "target/keycloak/missing"));
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(home + " holds no Keycloak distribution: the build unpacks it in the "
                    + "pre-integration-test phase (./mvnw -pl system-tests verify)");
        }
        Path data = home.resolve("data");
        deleteTree(data);
        Path realm = root.resolve(REALM_FILE);
        Files.createDirectories(data.resolve("import"));
        Files.copy(realm, data.resolve("import").resolve(realm.getFileName()));

        Map<String, String> passwords = new HashMap<>();
        Matcher variables = PASSWORD_VARIABLE.matcher(Files.readString(realm));
        while (variables.find()) {
            passwords.put(variables.group(1), UUID.randomUUID().toString());
        }
        Path logs = Path.of(System.getProperty("infrashare.logs", "target/system-logs"));
        Files.createDirectories(logs);
        Path log = logs.resolve("keycloak.log");
        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--import-realm", "--http-port=" + port, "--http-management-port=" + managementPort,
                "--hostname=http://localhost:" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", javaHome().toString());
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        builder.environment().putAll(passwords);
        String adminPassword = UUID.randomUUID().toString();
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        return new KeycloakServer(builder.start(), log, port, passwords, adminPassword);
    }

    /** Where Keycloak's tokens say they come from, and so the issuer the applications must trust. */
    String issuer() {
        return "http://localhost:" + port + "/realms/infrashare";
    }

    /** The realm's signing keys at another address of the same server, as the containers of compose reach it. */
    String jwkSetUri() {
        return "http://127.0.0.1:" + port + "/realms/infrashare/protocol/openid-connect/certs";
    }

    void awaitReady() {
        Api discovery = keycloak().withTimeout(Duration.ofSeconds(2));
        await("Keycloak serving the realm (see " + log + ")").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .failFast("Keycloak exited; see " + log, () -> !process.isAlive())
                .ignoreExceptions()
                .until(() -> discovery.get("/realms/infrashare/.well-known/openid-configuration").status() == 200);
    }

    /** An access token by the password grant, as the README's curl line gets one. */
    String token(String clientId, String username) {
        String password = passwords.get("INFRASHARE_PASSWORD_" + username.toUpperCase());
        return token("infrashare", clientId, username, password);
    }

    /**
     * Registers a copy of {@code infrashare-cli} whose tokens carry the same claims but are meant for another
     * audience, through Keycloak's admin API.
     */
    void addClientForAudience(String clientId, String audience) {
        Api admin = keycloak().as(token("master", "admin-cli", "admin", adminPassword));
        String clients = "/admin/realms/infrashare/clients";
        ObjectNode copy = (ObjectNode) expect(admin.get(clients + "?clientId=" + CLIENT), 200).body().get(0);
        copy.remove("id");
        copy.put("clientId", clientId);
        for (JsonNode mapper : copy.path("protocolMappers")) {
            ((ObjectNode) mapper).remove("id");
            if (mapper.path("protocolMapper").asText().equals("oidc-audience-mapper")) {
                ((ObjectNode) mapper.path("config")).put("included.custom.audience", audience);
            }
        }
        expect(admin.post(clients, copy.toString()), 201);
    }

    private String token(String realm, String clientId, String username, String password) {
        String form = Map.of("grant_type", "password", "client_id", clientId, "username", username,
                        "password", password).entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Answer answer = keycloak().withHeader("Content-Type", "application/x-www-form-urlencoded")
                .send("POST", "/realms/" + realm + "/protocol/openid-connect/token", BodyPublishers.ofString(form));
        return expect(answer, 200).body().path("access_token").asText();
    }

    private Api keycloak() {
        return Api.at("http://localhost:" + port);
    }

    private static Answer expect(Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException(answer.toString());
        }
        return answer;
    }

    /**
     * A JDK that runs Keycloak: {@code JAVA_HOME}, the one running the tests, or any under {@code /usr/lib/jvm} or
     * macOS's folder, the newest first. Without one the test fails and says so: it does not skip.
     */
    static Path javaHome() {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(candidates::add);
        candidates.add(Path.of(System.getProperty("java.home")));
        for (String folder : List.of("/usr/lib/jvm", "/Library/Java/JavaVirtualMachines")) {
            try (Stream<Path> jdks = Files.list(Path.of(folder))) {
                jdks.map(jdk -> Files.isDirectory(jdk.resolve("Contents/Home")) ? jdk.resolve("Contents/Home") : jdk)
                        .sorted(Comparator.reverseOrder())
                        .forEach(candidates::add);
            } catch (IOException absent) {
                // no such folder on this machine
            }
        }
        return candidates.stream()
                .filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")) && javaVersion(jdk) >= JAVA_NEEDED)
                .max(Comparator.comparingInt(KeycloakServer::javaVersion))
                .orElseThrow(() -> new IllegalStateException("Keycloak needs a JDK " + JAVA_NEEDED + " or newer and "
                        + "none was found. Looked at JAVA_HOME, the JDK running the tests and the folders "
                        + "/usr/lib/jvm/* and /Library/Java/JavaVirtualMachines/*: " + candidates
                        + ". Install one there (such as Temurin 21 or 25) or point JAVA_HOME at it."));
    }

    /** The major version in the JDK's {@code release} file, 0 if it has none. */
    private static int javaVersion(Path jdk) {
        try (Stream<String> lines = Files.lines(jdk.resolve("release"))) {
            return lines.filter(line -> line.startsWith("JAVA_VERSION="))
                    .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", ""))
                    .map(version -> version.startsWith("1.") ? version.substring(2) : version)
                    .map(version -> Integer.parseInt(version.split("[.+-]")[0]))
                    .findFirst().orElse(0);
        } catch (IOException | NumberFormatException unknown) {
            return 0;
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Stops the server and whatever it started: {@code kc.sh} hands the signal to its Java process. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> java = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        java.forEach(ProcessHandle::destroyForcibly);
    }
}

package io.infrashare.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker-compose.yml} checked without a Docker engine: against the Compose Specification's JSON Schema
 * ({@code compose-spec.json}, Apache-2.0, from github.com/compose-spec/compose-spec), then for what the stack needs
 * to start in order and to keep every acknowledged event.
 */
class ComposeFileTest {

    private static JsonNode compose;

    /** With SnakeYAML, which resolves the file's anchors and {@code <<} merge keys as Compose does. */
    @BeforeAll
    static void read() throws IOException {
        Object document = new Yaml().load(Files.readString(Path.of(System.getProperty("infrashare.root", ".."))
                .resolve("docker-compose.yml")));
        compose = new ObjectMapper().valueToTree(document);
    }

    @Test
    void theFileFollowsTheComposeSpecification() throws IOException {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
                .getSchema(SchemaLocation.of("classpath:compose-spec.json"));

        List<Error> errors = schema.validate(compose);

        assertThat(errors).extracting(Error::toString).isEmpty();
    }

    @Test
    void everyServiceWaitsForHealthyDependenciesThatExistAndHasAHealthCheck() {
        List<String> services = new ArrayList<>();
        compose.path("services").fieldNames().forEachRemaining(services::add);
        assertThat(services).contains("postgres", "keycloak", "command-side", "query-side");

        compose.path("services").fields().forEachRemaining(service -> {
            assertThat(runsOnce(service.getKey()) || !service.getValue().path("healthcheck").path("test").isMissingNode())
                    .as(service.getKey() + " has a health check, or runs once").isTrue();
            service.getValue().path("depends_on").fields().forEachRemaining(dependency -> {
                assertThat(services).as(service.getKey() + " depends on a service of the file")
                        .contains(dependency.getKey());
                assertThat(dependency.getValue().path("condition").asText()).as(service.getKey() + " waits for "
                                + dependency.getKey())
                        .isEqualTo(runsOnce(dependency.getKey()) ? "service_completed_successfully" : "service_healthy");
            });
        });
    }

    @Test
    void theBrokersAuthenticateEveryListenerAndDenyWhatNoAclAllows() {
        for (String broker : brokers()) {
            JsonNode environment = compose.at("/services/" + broker + "/environment");
            assertThat(environment.path("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").asText().split(","))
                    .allSatisfy(listener -> assertThat(listener).endsWith(":SASL_PLAINTEXT"));
            assertThat(environment.path("KAFKA_SASL_ENABLED_MECHANISMS").asText()).isEqualTo("SCRAM-SHA-512");
            assertThat(environment.path("KAFKA_AUTHORIZER_CLASS_NAME").asText())
                    .isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            assertThat(environment.path("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND").asText()).isEqualTo("false");
            assertThat(environment.path("KAFKA_SUPER_USERS").asText()).isEqualTo("User:broker");
            assertThat(environment.path("KAFKA_LISTENER_NAME_INTERNAL_SCRAM___SHA___512_SASL_JAAS_CONFIG").asText())
                    .contains("username=\"broker\" password=\"${KAFKA_BROKER_PASSWORD:?");
            assertThat(scramUsers(environment.path("INFRASHARE_SCRAM_USERS").asText())).containsExactly(
                    "broker=KAFKA_BROKER_PASSWORD", "command-side=KAFKA_COMMAND_SIDE_PASSWORD",
                    "query-side=KAFKA_QUERY_SIDE_PASSWORD", "consumer=KAFKA_CONSUMER_PASSWORD");
        }
        assertThat(compose.at("/services/kafka-acls/depends_on").fieldNames()).toIterable().containsAll(brokers());
    }

    @Test
    void eachAppAuthenticatesAsItsOwnUserWithAPasswordFromTheEnvironment() {
        for (String app : List.of("command-side", "query-side")) {
            JsonNode environment = compose.at("/services/" + app + "/environment");
            String variable = "KAFKA_" + app.replace('-', '_').toUpperCase() + "_PASSWORD";
            assertThat(environment.path("KAFKA_SECURITY_PROTOCOL").asText()).isEqualTo("SASL_PLAINTEXT");
            assertThat(environment.path("KAFKA_SASL_MECHANISM").asText()).isEqualTo("SCRAM-SHA-512");
            assertThat(environment.path("KAFKA_SASL_JAAS_CONFIG").asText())
                    .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required ")
                    .contains("username=\"" + app + "\" password=\"${" + variable + ":?");
            assertThat(compose.at("/services/" + app + "/depends_on/kafka-acls/condition").asText())
                    .as(app + " starts once its ACLs are granted").isEqualTo("service_completed_successfully");
        }
    }

    @Test
    void theCommandSideKeepsItsSigningKeyInAVolumeTheQuerySideReadsTheVerifierKeysFrom() {
        for (String app : List.of("command-side", "query-side")) {
            assertThat(compose.at("/services/" + app + "/environment/INFRASHARE_LOG_KEY_DIRECTORY").asText())
                    .as(app).isEqualTo("/var/lib/infrashare/keys");
        }
        assertThat(compose.at("/services/command-side/environment/INFRASHARE_LOG_GENERATE_KEY").asText())
                .isEqualTo("true");
        assertThat(compose.at("/services/command-side/volumes/0").asText())
                .isEqualTo("log-keys:/var/lib/infrashare/keys");
        assertThat(compose.at("/services/query-side/volumes/0").asText())
                .as("the query side only reads the keys").isEqualTo("log-keys:/var/lib/infrashare/keys:ro");
        assertThat(compose.at("/volumes").has("log-keys")).isTrue();
    }

    /** The users of INFRASHARE_SCRAM_USERS as user=variable, for each password that is a variable compose requires. */
    private static List<String> scramUsers(String users) {
        return Pattern.compile("(\\S+):\\$\\{(\\w+):\\?[^}]*}").matcher(users).results()
                .map(user -> user.group(1) + "=" + user.group(2))
                .toList();
    }

    private static boolean runsOnce(String service) {
        return compose.at("/services/" + service + "/restart").asText().equals("no");
    }

    private static List<String> brokers() {
        List<String> brokers = new ArrayList<>();
        compose.path("services").fieldNames().forEachRemaining(name -> {
            if (name.matches("kafka-\\d+")) {
                brokers.add(name);
            }
        });
        return brokers;
    }

    @Test
    void theAppsRunOnPostgresqlAndTheTopicHasAReplicaOnEachOfTheThreeBrokers() {
        List<String> brokers = brokers();
        JsonNode commandSide = compose.at("/services/command-side/environment");
        JsonNode querySide = compose.at("/services/query-side/environment");

        assertThat(brokers).hasSize(3);
        assertThat(commandSide.path("DATABASE_URL").asText()).isEqualTo("jdbc:postgresql://postgres:5432/command");
        assertThat(querySide.path("DATABASE_URL").asText()).isEqualTo("jdbc:postgresql://postgres:5432/query");
        // one role per service, neither of them the owner that migrates
        assertThat(commandSide.path("DATABASE_USER").asText()).isEqualTo("command_service");
        assertThat(querySide.path("DATABASE_USER").asText()).isEqualTo("query_service");
        assertThat(commandSide.path("DATABASE_OWNER").asText()).isEqualTo("infrashare")
                .isEqualTo(querySide.path("DATABASE_OWNER").asText())
                .isEqualTo(compose.at("/services/postgres/environment/POSTGRES_USER").asText());
        assertThat(commandSide.path("INFRASHARE_TOPIC_REPLICATION_FACTOR").asInt()).isEqualTo(brokers.size());
        for (String broker : brokers) {
            assertThat(compose.at("/services/" + broker + "/environment/KAFKA_MIN_INSYNC_REPLICAS").asInt())
                    .as("an acknowledged write is on two brokers").isEqualTo(2);
            assertThat(commandSide.path("KAFKA_BOOTSTRAP_SERVERS").asText()).contains(broker + ":");
        }
    }

    @Test
    void theAppsTrustTheTokensOfTheComposeKeycloakForTheAudienceInfrashareAndNoDemoPrincipals() {
        JsonNode keycloak = compose.at("/services/keycloak");
        assertThat(keycloak.path("command").toString()).contains("--import-realm");
        assertThat(keycloak.path("volumes").toString())
                .contains("./" + KeycloakServer.REALM_FILE + ":/opt/keycloak/data/import/");
        String issuer = keycloak.at("/environment/KC_HOSTNAME").asText() + "/realms/infrashare";

        for (String app : List.of("command-side", "query-side")) {
            JsonNode service = compose.at("/services/" + app);
            JsonNode environment = service.path("environment");
            assertThat(environment.has("SPRING_PROFILES_ACTIVE")).as(app + " names no profile").isFalse();
            assertThat(environment.path("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI").asText())
                    .as(app + " checks the issuer tokens name").isEqualTo(issuer);
            assertThat(environment.path("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI").asText())
                    .startsWith("http://keycloak:8080/realms/infrashare/");
            assertThat(environment.path("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES").asText())
                    .isEqualTo("infrashare");
            assertThat(service.at("/depends_on/keycloak/condition").asText()).isEqualTo("service_healthy");
        }
    }

    /** Every password is the {@code .env}'s, which is not committed; {@code .env.example} names each of them. */
    @Test
    void passwordsComeFromTheEnvFileThatTheExampleDescribes() throws IOException {
        Path root = Path.of(System.getProperty("infrashare.root", ".."));
        String example = Files.readString(root.resolve(".env.example"));
        List<String> passwords = new ArrayList<>();
        compose.path("services").forEach(service -> service.path("environment").fields().forEachRemaining(variable -> {
            if (variable.getKey().contains("PASSWORD")) {
                passwords.add(variable.getValue().asText());
            }
        }));

        assertThat(passwords).hasSizeGreaterThanOrEqualTo(10).allSatisfy(password -> {
            assertThat(password).matches("\\$\\{[A-Z_]+:\\?.*}");
            assertThat(example).contains(password.substring(2, password.indexOf(':')) + "=");
        });
        assertThat(Files.readAllLines(root.resolve(".gitignore"))).contains(".env");
    }
}

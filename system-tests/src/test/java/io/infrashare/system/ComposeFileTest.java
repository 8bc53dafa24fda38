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
            assertThat(service.getValue().path("healthcheck").path("test").isMissingNode())
                    .as(service.getKey() + " has a health check").isFalse();
            service.getValue().path("depends_on").fields().forEachRemaining(dependency -> {
                assertThat(services).as(service.getKey() + " depends on a service of the file")
                        .contains(dependency.getKey());
                assertThat(dependency.getValue().path("condition").asText()).isEqualTo("service_healthy");
            });
        });
    }

    @Test
    void theAppsRunOnPostgresqlAndTheTopicHasAReplicaOnEachOfTheThreeBrokers() {
        List<String> brokers = new ArrayList<>();
        compose.path("services").fieldNames().forEachRemaining(name -> {
            if (name.startsWith("kafka")) {
                brokers.add(name);
            }
        });
        JsonNode commandSide = compose.at("/services/command-side/environment");
        JsonNode querySide = compose.at("/services/query-side/environment");

        assertThat(brokers).hasSize(3);
        assertThat(commandSide.path("DATABASE_URL").asText()).isEqualTo("jdbc:postgresql://postgres:5432/command");
        assertThat(querySide.path("DATABASE_URL").asText()).isEqualTo("jdbc:postgresql://postgres:5432/query");
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

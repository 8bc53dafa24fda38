package io.infrashare.system;

import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.testing.KafkaBroker;
import io.infrashare.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The identities of the compose stack for real, without Docker: Keycloak from its distribution with the realm
 * docker-compose.yml imports, and both applications from their jars, without the demo profile, trusting Keycloak as
 * compose configures them (its keys, its issuer, the audience {@code infrashare}). The demo people sign in with
 * their passwords and act as their tokens' claims say.
 */
class KeycloakIT {

    private static final String CREATE_PROJECT =
            "{\"name\":\"Shared Infra\",\"abbreviation\":\"si\",\"ownerTeam\":\"ops\"}";

    @TempDir
    static Path data;

    private static KeycloakServer keycloak;
    private static KafkaBroker kafka;
    private static ServiceProcess commandSide;
    private static ServiceProcess querySide;
    private static Api commands;
    private static Api queries;

    /** Keycloak starts first and readies itself while the applications start: they ask for its keys when called. */
    @BeforeAll
    static void startTheStack() throws Exception {
        keycloak = KeycloakServer.start(Path.of(System.getProperty("infrashare.root", "..")),
                ServiceProcess.freePort(), ServiceProcess.freePort());
        kafka = TestInfrastructure.startKafka();
        Map<String, String> environment = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "INFRASHARE_DATA_DIR", data.toString(),
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", keycloak.jwkSetUri(),
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", keycloak.issuer(),
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES", "infrashare");
        commandSide = ServiceProcess.start("command-side", ServiceProcess.freePort(),
                ServiceProcess.trustingJwts(TestInfrastructure.newDatabase(), environment));
        querySide = ServiceProcess.start("query-side", ServiceProcess.freePort(),
                ServiceProcess.trustingJwts(TestInfrastructure.newDatabase(), environment));
        commands = commandSide.api();
        queries = querySide.api();
        keycloak.awaitReady();
    }

    @AfterAll
    static void stopTheStack() throws Exception {
        ServiceProcess.stopAll(querySide, commandSide, kafka, keycloak);
    }

    @Test
    void oliviaOfOpsOwnsWhatSheCreatesEricMayNotChangeItAndGlobexDoesNotSeeIt() throws Exception {
        String olivia = keycloak.token(KeycloakServer.CLIENT, "olivia");
        String eric = keycloak.token(KeycloakServer.CLIENT, "eric");
        String gus = keycloak.token(KeycloakServer.CLIENT, "gus");

        assertThat(commands.as(olivia).post("/projects", CREATE_PROJECT).status()).isEqualTo(201);
        Answer database = commands.as(olivia).post("/projects/si/resources",
                "{\"type\":\"postgresql\",\"name\":\"legacy db\",\"attributes\":{\"host\":\"db.internal\"}}");
        assertThat(database.status()).isEqualTo(201);
        String databaseId = database.body().path("id").asText();

        Answer ericChanges = commands.as(eric).patch("/resources/" + databaseId,
                "{\"attributes\":{\"host\":\"elsewhere\"}}");
        assertThat(ericChanges.status()).as("eric is of team ecommerce, not ops").isEqualTo(403);
        assertThat(ericChanges.body().path("type").asText()).isEqualTo("/problems/forbidden");
        assertThat(commands.as(gus).post("/projects/si/environments",
                "{\"name\":\"Staging\",\"abbreviation\":\"staging\"}").status())
                .as("gus is of globex: acme's project does not exist for him").isEqualTo(404);

        Answer project = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> queries.as(olivia).get("/projects/si"),
                        answer -> answer.status() == 200 && answer.body().path("resources").size() == 1);
        assertThat(project.body().path("createdBy").asText())
                .as("the caller's name is the token's preferred_username").isEqualTo("olivia");
        assertThat(project.body().path("resources").get(0).path("id").asText()).isEqualTo(databaseId);
        assertThat(queries.as(gus).get("/projects/si").status()).isEqualTo(404);
    }

    @Test
    void aTokenOfTheRealmForAnotherAudienceOrWithClaimsItsSignatureDoesNotCoverIsA401() throws Exception {
        keycloak.addClientForAudience("billing-cli", "billing");
        String forBilling = keycloak.token("billing-cli", "olivia");
        String eric = keycloak.token(KeycloakServer.CLIENT, "eric");
        String olivia = keycloak.token(KeycloakServer.CLIENT, "olivia");
        String oliviasClaimsUnderEricsSignature = olivia.substring(0, olivia.lastIndexOf('.'))
                + eric.substring(eric.lastIndexOf('.'));

        for (String token : new String[]{forBilling, oliviasClaimsUnderEricsSignature}) {
            Answer answer = commands.as(token).post("/projects", CREATE_PROJECT.replace("\"si\"", "\"refused\""));
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.body().path("type").asText()).isEqualTo("/problems/unauthenticated");
            assertThat(queries.as(token).get("/projects").status()).isEqualTo(401);
        }
        assertThat(queries.as(olivia).get("/projects").status()).as("the same person for infrashare").isEqualTo(200);
    }
}

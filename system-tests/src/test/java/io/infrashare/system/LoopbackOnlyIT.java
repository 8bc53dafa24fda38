package io.infrashare.system;

import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.testing.KafkaBroker;
import io.infrashare.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo principals are known to everybody, so they exist only when asked for, and then only for callers on the
 * service's own machine. The query side's jar is started as {@code ./infrashare up} starts it, and called on the
 * loopback and on this machine's address on its network.
 */
class LoopbackOnlyIT {

    @TempDir
    static Path data;

    private static KafkaBroker kafka;

    @BeforeAll
    static void startTheBroker() {
        kafka = TestInfrastructure.startKafka();
    }

    @AfterAll
    static void stopTheBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void withTheDemoPrincipalsTheServiceListensOnTheLoopbackOnly() throws Exception {
        try (ServiceProcess query = ServiceProcess.start("query-side", ServiceProcess.freePort(),
                environment(Map.of()))) {
            assertThat(query.api().as("dev-ops").get("/projects").status()).isEqualTo(200);
            assertThatThrownBy(() -> fromElsewhere(query).as("dev-ops").get("/projects"))
                    .isInstanceOf(UncheckedIOException.class).hasCauseInstanceOf(ConnectException.class);
        }
    }

    @Test
    void listeningWiderTheDemoPrincipalsStillAnswerTheLoopbackOnly() throws Exception {
        try (ServiceProcess query = ServiceProcess.start("query-side", ServiceProcess.freePort(),
                environment(Map.of("INFRASHARE_BIND_ADDRESS", "0.0.0.0")))) {
            Answer fromElsewhere = fromElsewhere(query).as("dev-ops").get("/projects");

            assertThat(fromElsewhere.status()).isEqualTo(403);
            assertThat(fromElsewhere.contentType()).isEqualTo("application/problem+json");
            assertThat(fromElsewhere.body().path("detail").asText()).contains("its own machine only");
            assertThat(query.api().as("dev-ops").get("/projects").status()).isEqualTo(200);
            assertThat(Files.readString(Path.of(System.getProperty("infrashare.logs", "target/system-logs"),
                    "query-side.log"))).contains("WARN").contains("requests from other addresses than the loopback "
                    + "are refused");
        }
    }

    @Test
    void aJarStartedWithoutAskingForTheDemoPrincipalsRefusesThem() throws Exception {
        Map<String, String> environment = ServiceProcess.trustingJwts(TestInfrastructure.newDatabase(), Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "INFRASHARE_DATA_DIR", data.toString(),
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION", "file:" + issuerKey(),
                "INFRASHARE_SECURITY_ISSUER", "https://id.example.test/realms/infrashare",
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES", "infrashare"));
        try (ServiceProcess query = ServiceProcess.start("query-side", ServiceProcess.freePort(), environment)) {
            for (String token : new String[]{"dev-ops", "dev-admin"}) {
                Answer answer = query.api().as(token).get("/projects");
                assertThat(answer.status()).as(token).isEqualTo(401);
                assertThat(answer.body().path("type").asText()).isEqualTo("/problems/unauthenticated");
            }
        }
    }

    private static Map<String, String> environment(Map<String, String> more) {
        Map<String, String> environment = ServiceProcess.on(TestInfrastructure.newDatabase(), Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "INFRASHARE_DATA_DIR", data.toString()));
        environment.putAll(more);
        return environment;
    }

    private static Path issuerKey() throws IOException, NoSuchAlgorithmException {
        Path key = data.resolve("issuer.pem");
        Files.writeString(key, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        return key;
    }

    /** The service at an address of this machine's network rather than the loopback, its answers checked too. */
    private static Api fromElsewhere(ServiceProcess service) throws SocketException {
        return service.checking(Api.at("http://" + networkAddress() + ":" + service.port));
    }

    /** This machine's IPv4 address on a network, not the loopback: every machine that runs the build has one. */

    private static String networkAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(network -> {
                    try {
                        return network.isUp() && !network.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(Inet4Address.class::isInstance)
                .map(InetAddress::getHostAddress)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("This machine has no network address but the "
                        + "loopback, which the test needs to call the service from elsewhere than the loopback"));
    }
}

package io.infrashare.command.it;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.infrashare.command.CommandApplication;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.testing.TestInfrastructure;
import io.infrashare.testing.WithPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside the demo profile callers present JWTs signed by the configured issuer's key, for the configured
 * audience; the organization, name, teams and roles come from their claims. Tokens are minted here with a key pair
 * of the test's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "infrashare.publication.enabled=false",
        "spring.security.oauth2.resourceserver.jwt.audiences=infrashare",
        "infrashare.security.issuer=" + JwtSecurityIT.ISSUER_URI})
@WithPostgres
@ActiveProfiles("production")
class JwtSecurityIT {

    static final String ISSUER_URI = "https://id.example.test/realms/infrashare";
    private static final KeyPair ISSUER = keyPair();
    private static final KeyPair STRANGER = keyPair();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) throws IOException {
        Path key = Files.createTempFile("issuer", ".pem");
        Files.writeString(key, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(ISSUER.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + key);
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JWTClaimsSet.Builder claims(String name, String organization, List<String> teams) {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER_URI)
                .subject("user-" + name)
                .claim("preferred_username", name)
                .claim("org", organization)
                .claim("teams", teams)
                .audience("infrashare")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
    }

    private static String signed(JWTClaimsSet claims, KeyPair key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(key.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String olivia() {
        return signed(claims("olivia", "acme", List.of("ops")).build(), ISSUER);
    }

    private Answer createProject(String token, String abbreviation) {
        return Api.localhost(port).as(token).post("/projects",
                "{\"name\":\"Shared Infra\",\"abbreviation\":\"" + abbreviation + "\",\"ownerTeam\":\"ops\"}");
    }

    @Test
    void aTokenOfTheIssuerForThisAudienceActsAsItsClaimsSay() {
        assertThat(createProject(olivia(), "jwtok").status()).isEqualTo(201);
        assertThat(Api.localhost(port).as(olivia()).post("/projects/jwtok/environments",
                "{\"name\":\"Staging\",\"abbreviation\":\"staging\"}").status()).isEqualTo(201);
    }

    @Test
    void aTeamTheTokenDoesNotNameIsNotTheCallers() {
        String eric = signed(claims("eric", "acme", List.of("ecommerce")).build(), ISSUER);

        Answer answer = createProject(eric, "notmine");

        assertThat(answer.status()).isEqualTo(403);
    }

    @Test
    void withoutATokenTheAnswerIs401() {
        Answer answer = createProject(null, "anon");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.text("type")).isEqualTo("/problems/unauthenticated");
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = signed(claims("olivia", "acme", List.of("ops"))
                .issueTime(Date.from(Instant.now().minusSeconds(3600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(1800))).build(), ISSUER);

        assertThat(createProject(expired, "expired").status()).isEqualTo(401);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        assertThat(createProject(signed(claims("olivia", "acme", List.of("ops")).build(), STRANGER), "forged")
                .status()).isEqualTo(401);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        String elsewhere = signed(claims("olivia", "acme", List.of("ops")).audience("billing").build(), ISSUER);

        assertThat(createProject(elsewhere, "billing").status()).isEqualTo(401);
    }

    @Test
    void aTokenWithoutAnOrganizationIsRefused() {
        String nowhere = signed(claims("olivia", null, List.of("ops")).build(), ISSUER);

        assertThat(createProject(nowhere, "nowhere").status()).isEqualTo(401);
    }

    @Test
    void aTokenWhoseNameOrOrganizationCannotBeKeptIsRefused() {
        String nul = signed(claims("oli\u0000via", "acme", List.of("ops")).build(), ISSUER);
        String override = signed(claims("olivia", "ac\u202Eme", List.of("ops")).build(), ISSUER);
        String nameless = signed(claims(null, "acme", List.of("ops")).subject(null).build(), ISSUER);
        String longName = signed(claims("o".repeat(201), "acme", List.of("ops")).build(), ISSUER);
        String longOrganization = signed(claims("olivia", "a".repeat(201), List.of("ops")).build(), ISSUER);

        for (String token : List.of(nul, override, nameless, longName, longOrganization)) {
            Answer answer = createProject(token, "unkept");
            assertThat(answer.status()).as("answer %s", answer.body()).isEqualTo(401);
            assertThat(answer.text("type")).isEqualTo("/problems/unauthenticated");
        }
    }

    @Test
    void anAuditorWritesNothingWhateverTeamsTheTokenNames() {
        String auditor = signed(claims("aud", "acme", List.of("ops")).claim("roles", List.of("auditor")).build(),
                ISSUER);
        String auditingAdmin = signed(claims("ada", "acme", List.of("ops"))
                .claim("roles", List.of("admin", "auditor")).build(), ISSUER);

        for (String token : List.of(auditor, auditingAdmin)) {
            Answer answer = createProject(token, "audited");
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.text("detail")).contains("auditor");
        }
        assertThat(createProject(olivia(), "audited").status()).isEqualTo(201);
    }

    @Test
    void aTokenWithoutAnOrganizationServesThePlatformsOperatorOnly() {
        String operator = signed(claims("otto", null, List.of()).claim("roles", List.of("operator")).build(), ISSUER);
        String nobody = signed(claims("nobody", null, List.of("ops")).build(), ISSUER);

        assertThat(Api.localhost(port).as(operator).get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(createProject(operator, "platform").status()).isEqualTo(403);
        assertThat(createProject(nobody, "platform").status()).isEqualTo(401);
    }

    @Test
    void aTokenWhoseNameAndOrganizationAreAtTheLimitIsServed() {
        String name = "\uD83D\uDE00".repeat(200); // 200 characters outside the Basic Multilingual Plane
        String organization = "a" + "-".repeat(61) + "z";
        assertThat(createProject(signed(claims(name, organization, List.of("ops")).subject("at-limit").build(), ISSUER),
                "atlimit")
                .status()).isEqualTo(201);
    }

    @Test
    void anotherOrganizationsProjectDoesNotExistForTheCaller() {
        assertThat(createProject(olivia(), "acmeonly").status()).isEqualTo(201);
        String gus = signed(claims("gus", "globex", List.of("ops")).build(), ISSUER);

        Answer answer = Api.localhost(port).as(gus).post("/projects/acmeonly/environments",
                "{\"name\":\"Staging\",\"abbreviation\":\"staging\"}");

        assertThat(answer.status()).isEqualTo(404);
    }

    @Test
    void theDemoTokensDoNotExistOutsideTheEmbeddedProfile() {
        assertThat(createProject("dev-ops", "demo").status()).isEqualTo(401);
    }

    @Test
    void withoutAnIssuerTheServiceRefusesToStartAndSaysWhatToSet() {
        String[] arguments = TestInfrastructure.newDatabase().springArguments(
                "--server.port=0", "--infrashare.publication.enabled=false");
        assertThatThrownBy(() -> new SpringApplicationBuilder(CommandApplication.class).profiles("production")
                .run(arguments).close())
                .hasStackTraceContaining("JWT validation is not configured")
                .hasStackTraceContaining("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI")
                .hasStackTraceContaining("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES");
    }

    @Test
    void aKeyWithoutIssuerAndAudienceIsNotEnoughToStart() throws IOException {
        Path key = Files.createTempFile("issuer", ".pem");
        Files.writeString(key, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(ISSUER.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        String[] arguments = TestInfrastructure.newDatabase().springArguments(
                "--server.port=0", "--infrashare.publication.enabled=false",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + key);
        assertThatThrownBy(() -> new SpringApplicationBuilder(CommandApplication.class).profiles("production")
                .run(arguments).close())
                .hasStackTraceContaining("JWT validation is not configured")
                .hasStackTraceContaining("INFRASHARE_SECURITY_ISSUER").hasStackTraceContaining("_AUDIENCES");
    }

    @Test
    void aTokenOfAnotherIssuerWithTheTrustedKeyIsRefused() {
        String otherIssuer = signed(claims("olivia", "acme", List.of("ops")).issuer("https://evil.example.test")
                .build(), ISSUER);
        String noIssuer = signed(claims("olivia", "acme", List.of("ops")).issuer(null).build(), ISSUER);
        String noSubject = signed(claims("olivia", "acme", List.of("ops")).subject(null).build(), ISSUER);
        String badOrganization = signed(claims("olivia", "Acme Corp", List.of("ops")).build(), ISSUER);

        for (String token : List.of(otherIssuer, noIssuer, noSubject, badOrganization)) {
            Answer answer = createProject(token, "strange");
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.text("type")).isEqualTo("/problems/unauthenticated");
        }
    }

    @Test
    void twoPeopleOfTheSameNameAreTwoPrincipals() {
        String first = signed(claims("sam", "acme", List.of("ops")).subject("sam-1").build(), ISSUER);
        String second = signed(claims("sam", "acme", List.of("ops")).subject("sam-2").build(), ISSUER);
        Api http = Api.localhost(port);
        String body = "{\"name\":\"Sam's\",\"abbreviation\":\"samone\",\"ownerTeam\":\"ops\"}";

        Answer firstAnswer = http.as(first).withIdempotencyKey("key-1").post("/projects", body);
        Answer secondAnswer = http.as(second).withIdempotencyKey("key-1").post("/projects", body);

        assertThat(firstAnswer.status()).isEqualTo(201);
        assertThat(secondAnswer.status()).as("not the first one's stored answer replayed").isEqualTo(409);
        assertThat(secondAnswer.text("type")).isEqualTo("/problems/already-exists");
    }
}

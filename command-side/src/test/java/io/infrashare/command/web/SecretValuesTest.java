package io.infrashare.command.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each credential format with a sample of its shape and a near miss that must pass. The samples are made up here
 * from the format, from a fixed seed, so that no string in the source looks like a credential to a scanner.
 */
class SecretValuesTest {

    private static final Random RANDOM = new Random(17);
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String WORD = ALNUM + "_-";
    private static final String HEX = "0123456789abcdef";
    private static final String DIGITS = "0123456789";

    private static String random(int length, String alphabet) {
        return IntStream.range(0, length).mapToObj(i -> String.valueOf(alphabet.charAt(RANDOM.nextInt(alphabet.length()))))
                .collect(Collectors.joining());
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String jwt() {
        return base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + base64Url("{\"sub\":\"ops\",\"iat\":1700000000}")
                + "." + random(43, WORD);
    }

    private static final String SLACK = "https://hooks.slack.com/services/";

    /** Format id: a value of its shape, and a near miss. */
    private static final Map<String, List<String>> SAMPLES = Map.ofEntries(
            entry("aws-access-token", List.of("AKIA" + random(16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"),
                    "AKIA" + "A".repeat(16))),
            entry("gcp-api-key", List.of("AIza" + random(35, WORD), "AIza" + random(20, WORD))),
            entry("azure-ad-client-secret", List.of("secret=" + random(3, ALNUM) + "8Q~" + random(34, ALNUM),
                    "secret=" + random(3, ALNUM) + "xQ~" + random(34, ALNUM))),
            entry("github-pat", List.of("ghp_" + random(36, ALNUM), "ghp_" + random(20, ALNUM))),
            entry("github-oauth", List.of("gho_" + random(36, ALNUM), "gho_" + random(20, ALNUM))),
            entry("github-app-token", List.of("ghs_" + random(36, ALNUM), "ghs_" + random(20, ALNUM))),
            entry("github-refresh-token", List.of("ghr_" + random(36, ALNUM), "ghr_" + random(20, ALNUM))),
            entry("github-fine-grained-pat", List.of("github_pat_" + random(82, ALNUM + "_"),
                    "github_pat_" + random(40, ALNUM))),
            entry("gitlab-pat", List.of("glpat-" + random(20, WORD), "glpat-" + random(10, WORD))),
            entry("gitlab-pat-routable", List.of("glpat-" + random(27, ALNUM) + "." + random(9, LOWER_ALNUM),
                    "glpat-" + random(19, ALNUM) + "." + random(3, LOWER_ALNUM))),
            entry("gitlab-ptt", List.of("glptt-" + random(40, HEX), "glptt-" + random(20, HEX))),
            entry("gitlab-rrt", List.of("GR1348941" + random(20, WORD), "GR1348941" + random(10, WORD))),
            entry("gitlab-runner-authentication-token", List.of("glrt-" + random(20, ALNUM),
                    "glrt-" + random(10, ALNUM))),
            entry("gitlab-deploy-token", List.of("gldt-" + random(20, ALNUM), "gldt-" + random(10, ALNUM))),
            entry("slack-bot-token", List.of("xoxb-" + random(11, DIGITS) + "-" + random(12, DIGITS) + "-"
                    + random(24, ALNUM), "xoxb-" + random(5, DIGITS))),
            entry("slack-user-token", List.of("xoxp-" + random(11, DIGITS) + "-" + random(11, DIGITS) + "-"
                    + random(12, DIGITS) + "-" + random(32, ALNUM), "xoxp-" + random(11, DIGITS))),
            entry("slack-app-token", List.of("xapp-1-A" + random(10, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") + "-"
                    + random(13, DIGITS) + "-" + random(64, HEX), "xapp-one")),
            entry("slack-legacy-token", List.of("xoxs-" + random(10, DIGITS) + "-" + random(10, DIGITS) + "-"
                    + random(10, DIGITS) + "-" + random(64, HEX), "xoxs-" + random(10, DIGITS))),
            entry("slack-legacy-bot-token", List.of("xoxb-" + random(11, DIGITS) + "-" + random(24, ALNUM),
                    "xoxb-" + random(11, DIGITS) + "-" + random(10, ALNUM))),
            entry("slack-legacy-workspace-token", List.of("xoxa-2-" + random(40, ALNUM), "xoxr-short")),
            entry("slack-config-access-token", List.of("xoxe.xoxp-1-" + random(164, ALNUM),
                    "xoxe.xoxp-1-" + random(40, ALNUM))),
            entry("slack-config-refresh-token", List.of("xoxe-1-" + random(146, ALNUM), "xoxe-1-" + random(40, ALNUM))),
            entry("slack-webhook-url", List.of(SLACK + random(44, ALNUM), SLACK)),
            entry("stripe-access-token", List.of("sk_live_" + random(24, ALNUM), "sk_live_short")),
            entry("npm-access-token", List.of("npm_" + random(36, LOWER_ALNUM), "npm_install")),
            entry("pypi-upload-token", List.of("pypi-AgEIcHlwaS5vcmc" + random(60, WORD), "pypi-" + random(60, WORD))),
            entry("openai-api-key", List.of("sk-" + random(20, ALNUM) + "T3BlbkFJ" + random(20, ALNUM),
                    "sk-" + random(20, ALNUM) + "T3BlbkFJ")),
            entry("anthropic-api-key", List.of("sk-ant-api03-" + random(93, WORD) + "AA",
                    "sk-ant-api03-example")),
            entry("anthropic-admin-api-key", List.of("sk-ant-admin01-" + random(93, WORD) + "AA",
                    "sk-ant-admin01-example")),
            entry("huggingface-access-token", List.of("hf_" + random(34, "abcdefghijklmnopqrstuvwxyzABCDEFGH"),
                    "hf_" + random(10, ALNUM))),
            entry("sendgrid-api-token", List.of("SG." + random(22, ALNUM) + "." + random(43, ALNUM),
                    "SG." + random(22, ALNUM))),
            entry("twilio-api-key", List.of("SK" + random(32, HEX), "SK" + random(31, HEX))),
            entry("digitalocean-pat", List.of("dop_v1_" + random(64, HEX), "dop_v1_" + random(32, HEX))),
            entry("digitalocean-access-token", List.of("doo_v1_" + random(64, HEX), "doo_v1_" + random(32, HEX))),
            entry("databricks-api-token", List.of("dapi" + random(32, HEX), "dapi" + random(31, HEX))),
            entry("doppler-api-token", List.of("dp.pt." + random(43, ALNUM), "dp.pt." + random(42, ALNUM))),
            entry("pulumi-api-token", List.of("pul-" + random(40, HEX), "pul-" + random(39, HEX))),
            entry("hashicorp-tf-api-token", List.of(random(14, LOWER_ALNUM) + ".atlasv1." + random(65, ALNUM),
                    random(14, LOWER_ALNUM) + ".atlasv2." + random(65, ALNUM))),
            entry("vault-service-token", List.of("hvs." + random(100, WORD), "hvs." + random(40, WORD))),
            entry("vault-batch-token", List.of("hvb." + random(150, WORD), "hvb." + random(100, WORD))),
            entry("age-secret-key", List.of("AGE-SECRET-KEY-1" + random(58, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L"),
                    "AGE-SECRET-KEY-1" + random(30, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L"))),
            entry("jwt", List.of(jwt(), base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"))),
            entry("pem-private-key", List.of("-----BEGIN EC PRIVATE KEY-----\n" + random(120, ALNUM + "+/"),
                    "-----BEGIN PUBLIC KEY-----\n" + random(120, ALNUM + "+/"))),
            entry("url-with-password", List.of("postgres://u:hunter2@h/db", "postgres://u@h/db")),
            entry("connection-string-password", List.of("Server=db;Database=app;User Id=app;Password=hunter2;",
                    "Server=db;Database=app;Integrated Security=true;passwordless=true")),
            entry("azure-connection-string-key", List.of("DefaultEndpointsProtocol=https;AccountName=acme;AccountKey="
                    + Base64.getEncoder().encodeToString(random(64, ALNUM).getBytes(StandardCharsets.US_ASCII))
                    + ";EndpointSuffix=core.windows.net",
                    "DefaultEndpointsProtocol=https;AccountName=acme;EndpointSuffix=core.windows.net")),
            entry("gcp-service-account-key", List.of("{\"type\": \"service_account\", \"project_id\": \"acme\"",
                    "{\"type\": \"authorized_user\", \"quota_project_id\": \"acme\"}")),
            entry("sk-api-key", List.of("sk-" + random(48, ALNUM), "sk-learn-pipeline-for-the-recommendation-model")));

    static Stream<Arguments> formats() {
        return SecretValues.FORMATS.stream().map(format -> Arguments.of(format.id(), format));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void eachFormatFindsItsSampleAndPassesItsNearMiss(String id, SecretValues.Format format) {
        assertThat(SAMPLES).as("a sample and a near miss for " + id).containsKey(id);
        String sample = SAMPLES.get(id).get(0);
        String nearMiss = SAMPLES.get(id).get(1);

        assertThat(format.foundIn(sample, sample.toLowerCase())).as(sample).isTrue();
        assertThat(format.foundIn("url: " + sample + " ", ("url: " + sample + " ").toLowerCase()))
                .as("inside a longer value").isTrue();
        assertThat(SecretValues.holds(nearMiss)).as(nearMiss).isEmpty();
    }

    @Test
    void everySampleIsOfAFormatThatIsRead() {
        assertThat(SecretValues.FORMATS).extracting(SecretValues.Format::id)
                .containsExactlyInAnyOrderElementsOf(SAMPLES.keySet());
    }

    @Test
    void aRefusalSaysWhatTheValueHolds() {
        assertThat(SecretValues.holds("postgres://u:hunter2@h/db")).hasValue("a URL with a password");
        assertThat(SecretValues.holds(SAMPLES.get("pem-private-key").get(0))).hasValue("a private key (PEM)");
        assertThat(SecretValues.holds(SAMPLES.get("aws-access-token").get(0))).hasValue("an AWS access key");
        assertThat(SecretValues.holds(SAMPLES.get("github-pat").get(0))).hasValue("a GitHub token");
        assertThat(SecretValues.holds(jwt())).hasValue("a JWT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres://u@h/db", "redis://h:6379/0", "https://h:8443/x@y", "mailto:ops@acme.example",
            "u:@h", "ssh://git@github.com/acme/infra.git", "us-east-1", "10.0.0.0/16", "db.internal",
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-password-AbCdEf",
            "projects/acme/secrets/db-password/versions/3", "vault:secret/data/db#password", "sk-cluster-eu",
            "eyebrow.eyelash.eyeliner", "AKIAIOSFODNN7EXAMPL", "a-long-ordinary-value-with-dashes-and-words-in-it"})
    void ordinaryValuesAndWhereASecretIsPass(String value) {
        assertThat(SecretValues.holds(value)).as(value).isEmpty();
    }

    @Test
    void aUrlWithAPasswordIsCaughtWhateverItsScheme() {
        for (String url : List.of("postgres://u:hunter2@h/db", "redis://:hunter2@cache:6379",
                "https://deploy:p%40ss@registry.example/v2", "amqp://guest:guest@rabbit", "u:p@ss@h://x:y@z")) {
            assertThat(SecretValues.holds(url)).as(url).hasValue("a URL with a password");
        }
    }

    @Test
    void entropyIsBitsPerCharacter() {
        assertThat(SecretValues.shannonEntropy("aaaa")).isZero();
        assertThat(SecretValues.shannonEntropy("abcd")).isEqualTo(2.0);
    }
}

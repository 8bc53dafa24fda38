package io.infrashare.command.it;

import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.testing.WithKafka;
import io.infrashare.testing.WithPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No request, however hostile, gets a 500 or a stack trace: every write endpoint is sent malformed, mistyped,
 * oversized and nonsensical bodies and headers, and must answer with a 4xx problem.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

    private static final List<String> BODIES = List.of(
            "", "null", "[]", "\"text\"", "42", "{", "{}}", "{} trailing", "{\"name\":}", "{'name':'x'}",
            "{\"name\":{\"nested\":true}}", "{\"name\":[1,2]}", "{\"resource\":\"not-a-uuid\"}",
            "{\"resource\":12}", "{\"defaultable\":\"maybe\"}", "{\"defaultable\":null}",
            "{\"attributes\":{\"a\":{\"b\":1}}}", "{\"attributes\":[1]}", "{\"attributes\":{\"\":\"x\"}}",
            "{\"abbreviation\":\"" + "a".repeat(5000) + "\"}", "{\"name\":\"\\u0000\"}",
            "{\"n\":1e999999}", "{\"n\":" + "9".repeat(2000) + "}",
            "[".repeat(5000) + "]".repeat(5000),
            "{\"a\":".repeat(3000) + "1" + "}".repeat(3000));

    @LocalServerPort
    int port;

    private Api http;
    private List<String[]> endpoints;

    @BeforeAll
    void someThingsExist() {
        http = Api.localhost(port);
        http.as("dev-ops").post("/projects", "{\"name\":\"Hostile\",\"abbreviation\":\"hx\",\"ownerTeam\":\"ops\"}");
        http.as("dev-ops").post("/projects/hx/environments", "{\"name\":\"Staging\",\"abbreviation\":\"staging\"}");
        http.as("dev-ops").post("/projects/hx/packages", "{\"name\":\"vpc\",\"bundle\":\"aws-vpc\",\"resourceType\":\"aws-vpc\"}");
        String vpc = http.as("dev-ops").post("/environments/hx-staging/resources",
                "{\"package\":\"vpc\",\"name\":\"VPC\"}").text("id");
        endpoints = List.of(
                new String[]{"POST", "/projects"},
                new String[]{"POST", "/projects/hx/environments"},
                new String[]{"DELETE", "/environments/hx-nope"},
                new String[]{"POST", "/projects/hx/packages"},
                new String[]{"POST", "/environments/hx-staging/resources"},
                new String[]{"POST", "/projects/hx/resources"},
                new String[]{"PATCH", "/resources/" + vpc},
                new String[]{"POST", "/resources/" + vpc + "/decommission"},
                new String[]{"PUT", "/resources/" + vpc + "/shares/ghost"},
                new String[]{"DELETE", "/resources/" + vpc + "/shares/ghost"},
                new String[]{"PUT", "/environments/hx-staging/defaults/aws-vpc"},
                new String[]{"DELETE", "/environments/hx-staging/defaults/aws-vpc"},
                new String[]{"PUT", "/environments/hx-staging/remote-references/vpc"},
                new String[]{"DELETE", "/environments/hx-staging/remote-references/vpc"},
                new String[]{"PUT", "/resource-types/aws-vpc"},
                new String[]{"PUT", "/resource-types/BAD_TYPE"},
                new String[]{"PUT", "/environments/..%2F..%2Fetc/defaults/aws-vpc"},
                new String[]{"POST", "/projects/%00/environments"},
                new String[]{"POST", "/projects/hx;jsessionid=1/environments"},
                new String[]{"POST", "/projects//hx/environments"},
                new String[]{"POST", "/projects/%25hx/environments"},
                new String[]{"POST", "/projects/hx/%2e%2e/hx/environments"},
                new String[]{"PUT", "/resources/00000000-0000-0000-0000-000000000000/shares/hx"});
    }

    private Answer send(String method, String path, String contentType, byte[] body) {
        return http.as("dev-ops").withHeader("Content-Type", contentType)
                .send(method, path, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    @Test
    void everyHostileRequestIsAClientErrorProblemWithoutAStackTrace() {
        List<String> failures = new ArrayList<>();
        for (String[] endpoint : endpoints) {
            for (String body : BODIES) {
                check(failures, endpoint, "application/json", body.getBytes(StandardCharsets.UTF_8));
            }
            check(failures, endpoint, "text/plain", "{}".getBytes(StandardCharsets.UTF_8));
            check(failures, endpoint, null, "{}".getBytes(StandardCharsets.UTF_8));
            for (String wildcard : List.of("*/*", "application/*", "*/json", "json", "application/json;")) {
                check(failures, endpoint, wildcard, "{}".getBytes(StandardCharsets.UTF_8));
            }
            check(failures, endpoint, "application/json", new byte[]{(byte) 0xC3, (byte) 0x28, '{', '}'});
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aWildcardContentTypeIsUnsupportedAndRecordsNothing() {
        for (String wildcard : List.of("*/*", "application/*")) {
            Answer response = send("POST", "/projects", wildcard,
                    "{\"name\":\"Wild\",\"abbreviation\":\"wild\",\"ownerTeam\":\"ops\"}"
                            .getBytes(StandardCharsets.UTF_8));
            assertThat(response.status()).as(wildcard).isEqualTo(415);
            assertThat(response.text()).contains("\"type\":\"/problems/unsupported-media-type\"");
        }
        // the abbreviation is still free: nothing was recorded
        assertThat(send("POST", "/projects", "application/json",
                "{\"name\":\"Wild\",\"abbreviation\":\"wild\",\"ownerTeam\":\"ops\"}"
                        .getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(201);
    }

    @Test
    void theErrorPathAskedForDirectlyIsNotAResource() {
        for (String token : new String[]{null, "dev-ops"}) {
            Answer response = http.as(token).get("/error");
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).isEqualTo("application/problem+json");
            assertThat(response.text()).contains("\"type\":\"/problems/not-found\"").doesNotContain("999");
        }
    }

    @Test
    void aPathTheFirewallRefusesIsAProblemThatDoesNotEchoThePath() {
        for (String path : List.of("/projects/hx;jsessionid=1/environments", "/projects//hx/environments",
                "/projects/%25hx/environments")) {
            Answer response = send("GET", path, null, new byte[0]);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.contentType()).isEqualTo("application/problem+json");
            assertThat(response.text()).contains("\"type\":\"/problems/invalid-request\"")
                    .doesNotContain("jsessionid").doesNotContain("//hx").doesNotContain("%25");
        }
    }

    private void check(List<String> failures, String[] endpoint, String contentType, byte[] body) {
        Answer response = send(endpoint[0], endpoint[1], contentType, body);
        String shown = new String(body, StandardCharsets.UTF_8);
        String request = endpoint[0] + " " + endpoint[1] + " (" + contentType + ") "
                + shown.substring(0, Math.min(60, shown.length()));
        boolean problem = response.contentType() != null
                && response.contentType().startsWith("application/problem+json");
        if (response.status() >= 500 || response.text().contains("\tat ") || response.text().contains("Exception")
                || (response.status() >= 400 && !problem)) {
            failures.add(request + " -> " + response.status() + " " + response.text());
        }
    }
}

package io.infrashare.http;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ApiTest {

    private final Map<String, String> received = new ConcurrentHashMap<>();
    private HttpServer server;
    private Api api;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestHeaders().forEach((name, values) -> received.put(name.toLowerCase(), values.get(0)));
            received.put("method", exchange.getRequestMethod());
            received.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String path = exchange.getRequestURI().getPath();
            byte[] answer = switch (path) {
                case "/problem" -> "{\"type\":\"/problems/concurrent-modification\",\"status\":409}".getBytes();
                case "/export" -> "{\"position\":1}\n{\"trailer\":{\"count\":1}}\n".getBytes();
                case "/latin1" -> new byte[]{'Z', (byte) 0xFC};
                default -> "{\"id\":\"si\"}".getBytes();
            };
            exchange.getResponseHeaders().add("Content-Type", switch (path) {
                case "/problem" -> "application/problem+json";
                case "/export" -> Api.NDJSON;
                case "/latin1" -> "text/plain";
                default -> "application/json";
            });
            exchange.getResponseHeaders().add("Idempotent-Replayed", "true");
            int status = path.equals("/problem") ? 409 : exchange.getRequestMethod().equals("POST") ? 201 : 200;
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        api = Api.at("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aWriteCarriesItsTokenKeyReasonAndCorrelationIdAndAJsonBody() {
        Answer answer = api.as("dev-ops").withIdempotencyKey("key-1").withCorrelationId("c-1")
                .withReason("Zürich move,\tticket 50%").post("/projects", "{\"name\":\"Shared Infra\"}");

        assertThat(received).containsEntry("method", "POST")
                .containsEntry("authorization", "Bearer dev-ops")
                .containsEntry("idempotency-key", "key-1")
                .containsEntry("x-correlation-id", "c-1")
                .containsEntry("x-reason", "Z%C3%BCrich%20move,%09ticket%2050%25")
                .containsEntry("content-type", "application/json")
                .containsEntry("body", "{\"name\":\"Shared Infra\"}");
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.text("id")).isEqualTo("si");
        assertThat(answer.replayed()).isTrue();
        assertThat(answer.requireSuccess()).isSameAs(answer);
    }

    @Test
    void aHeaderGivenNullIsNotSentAndAnAnonymousCallerSendsNoToken() {
        api.as("dev-ops").as(null).withIdempotencyKey(null).delete("/environments/si-staging");

        assertThat(received).containsEntry("method", "DELETE")
                .doesNotContainKeys("authorization", "idempotency-key", "content-type");
    }

    @Test
    void aProblemIsNamedByTheLastSegmentOfItsTypeAndIsNoSuccess() {
        Answer answer = api.get("/problem");

        assertThat(answer.problem()).isEqualTo("concurrent-modification");
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThatThrownBy(answer::requireSuccess).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("GET /problem answered 409: {\"type\"");
    }

    @Test
    void anExportIsReadLineByLine() {
        assertThat(api.ndjson("/export")).hasSize(2);
        assertThat(received).containsEntry("accept", Api.NDJSON);
    }

    @Test
    void anObserverSeesEveryExchangeOfTheClientsMadeFromItsClient() {
        List<Exchange> seen = new CopyOnWriteArrayList<>();
        Api observed = api.observedBy(seen::add);

        Answer created = observed.as("dev-ops").withReason("why").post("/projects", "{\"name\":\"Shared Infra\"}");
        observed.withTimeout(Duration.ofSeconds(5)).ndjson("/export");
        api.get("/unobserved");

        assertThat(seen).extracting(Exchange::method, Exchange::path, Exchange::body)
                .containsExactly(tuple("POST", "/projects", "{\"name\":\"Shared Infra\"}"),
                        tuple("GET", "/export", null));
        assertThat(seen.get(0).answer()).isSameAs(created);
        assertThat(seen.get(0).headers()).containsEntry("Authorization", "Bearer dev-ops")
                .containsEntry("X-Reason", "why");
        assertThat(seen.get(1).headers()).containsEntry("Accept", Api.NDJSON);
    }

    @Test
    void anAnswerThatIsNotUtf8IsRefused() {
        assertThatThrownBy(() -> api.get("/latin1")).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void aLoneSurrogateTravelsAsTheBytesUtf8sPatternWouldGiveIt() {
        assertThat(Api.percentEncoded("a\uD800b")).isEqualTo("a%ED%A0%80b");
        assertThat(Api.percentEncoded("\uD83D\uDE00")).isEqualTo("%F0%9F%98%80");
        assertThat(List.of(Api.percentEncoded("plain-text_1"))).containsExactly("plain-text_1");
    }
}

package io.infrashare.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.infrashare.http.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServedContractTest {

    /**
     * Three operations, as springdoc serves them: a project (200 with a project, 404 with a problem), an export
     * (200 with NDJSON lines, each an entry) and a graph (200 as JSON or drawn as text in one of two media types).
     */
    private static final String DOCUMENT = """
            {"openapi":"3.1.0","info":{"title":"t","version":"1"},
             "paths":{"/graph":{"get":{"operationId":"graph","responses":{
                 "200":{"description":"the graph","content":{
                   "application/json":{"schema":{"type":"object","required":["nodes"],
                     "properties":{"nodes":{"type":"array","items":{"type":"object"}}}}},
                   "text/vnd.mermaid":{"schema":{"type":"string"}},
                   "text/vnd.graphviz":{"schema":{"type":"string"}}}}}}},
              "/log":{"get":{"operationId":"log","responses":{
                 "200":{"description":"the entries","content":{"application/x-ndjson":{"schema":{"type":"object",
                   "required":["id"],"properties":{"id":{"type":"string"}}}}}}}}},
              "/projects/{project}":{"get":{"operationId":"project",
               "parameters":[{"name":"project","in":"path","required":true,"schema":{"type":"string"}}],
               "responses":{
                 "200":{"description":"found","content":{"application/json":{"schema":{"type":"object",
                   "required":["id","createdAt"],"properties":{"id":{"type":"string"},
                   "createdAt":{"type":"string","format":"date-time"}}}}}},
                 "404":{"description":"not found","content":{"application/problem+json":{"schema":{"type":"object",
                   "required":["type","status"],"properties":{"type":{"type":"string"},
                   "status":{"type":"integer"}}}}}}}}}}}
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private ServedContract contract;
    private Api api;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            record Reply(int status, String type, String body) {
            }
            Reply reply = switch (path) {
                case "/v3/api-docs" -> new Reply(200, "application/json", DOCUMENT);
                case "/actuator/health" -> new Reply(200, "application/json", "{\"status\":\"UP\"}");
                case "/projects/si" -> new Reply(200, "application/json",
                        "{\"id\":\"si\",\"createdAt\":\"2026-11-23T10:15:30.123456Z\"}");
                case "/projects/typed-wrong" -> new Reply(200, "application/json", "{\"id\":\"x\",\"createdAt\":7}");
                case "/projects/empty" -> new Reply(200, "application/json", "");
                case "/log" -> new Reply(200, "application/x-ndjson", "");
                case "/graph" -> switch (String.valueOf(query)) {
                    case "format=mermaid" -> new Reply(200, "text/vnd.mermaid;charset=UTF-8",
                            "flowchart LR\n    project_si[\"Shared Infra<br/>si\"]\n");
                    case "format=dot" -> new Reply(200, "text/vnd.graphviz;charset=UTF-8",
                            "digraph sharing {\n    \"project:si\" [label=\"Shared Infra\\nsi\", shape=box];\n}\n");
                    case "format=svg" -> new Reply(200, "image/svg+xml", "<svg/>");
                    default -> new Reply(200, "application/json", "{\"nodes\":[]}");
                };
                case "/projects/gone" -> new Reply(404, "application/problem+json",
                        "{\"type\":\"/problems/not-found\",\"status\":404}");
                default -> new Reply(409, "application/problem+json",
                        "{\"type\":\"/problems/already-exists\",\"status\":409}");
            };
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", reply.type());
            exchange.sendResponseHeaders(reply.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Api plain = Api.at("http://127.0.0.1:" + server.getAddress().getPort());
        contract = ServedContract.servedBy("test service", plain);
        api = contract.checking(plain).as("dev-ops");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void answersTheDocumentListsWithTheirSchemasAreKept() {
        api.get("/projects/si");
        api.get("/projects/gone");

        assertThat(contract.checked()).isEqualTo(2);
        assertThat(contract.violations()).isEmpty();
        contract.assertKept();
    }

    @Test
    void anUndocumentedStatusFailsNamingTheOperationTheStatusAndTheMessage() {
        api.get("/projects/taken");
        api.get("/projects/taken?again=1");

        assertThat(contract.violations()).singleElement().asString()
                .startsWith("GET /projects/{project} (project) answered 409: [validation.response.status.unknown]")
                .endsWith("(2 times, first GET /projects/taken)");
        assertThatThrownBy(contract::assertKept).isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 kinds of answer of the test service (of 2 checked) do not match")
                .hasMessageContaining("answered 409");
    }

    @Test
    void aBodyThatDoesNotMatchItsSchemaFails() {
        api.get("/projects/typed-wrong");

        assertThat(contract.violations()).singleElement().asString()
                .startsWith("GET /projects/{project} (project) answered 200: [validation.response.body.schema.type]")
                .as("the document is OpenAPI 3.1, whose types the validator does not see as they are served")
                .contains("/createdAt");
    }

    @Test
    void anEmptyNdjsonExportIsAStreamOfNoLinesButAnEmptyJsonAnswerIsMissingItsBody() {
        api.get("/log");
        assertThat(contract.violations()).as("an export with no entries").isEmpty();

        api.get("/projects/empty");
        assertThat(contract.violations()).singleElement().asString()
                .startsWith("GET /projects/{project} (project) answered 200: [validation.response.body.missing]");
    }

    @Test
    void aGraphDrawnAsTextInAMediaTypeTheDocumentListsIsKeptAndInAnotherIsNot() {
        api.get("/graph");
        api.get("/graph?format=mermaid");
        api.get("/graph?format=dot");
        assertThat(contract.checked()).isEqualTo(3);
        assertThat(contract.violations()).as("JSON, Mermaid and DOT, each with its charset").isEmpty();

        api.get("/graph?format=svg");
        assertThat(contract.violations()).singleElement().asString()
                .startsWith("GET /graph (graph) answered 200: [validation.response.contentType");
    }

    @Test
    void a31DocumentIsReadAsThe30DocumentThatSaysTheSame() throws Exception {
        JsonNode downgraded = ServedContract.asOpenApi30(JSON.readTree("""
                {"openapi":"3.1.0","components":{"schemas":{"Environment":{"type":"object","properties":{
                  "deletedAt":{"type":["string","null"],"format":"date-time"},
                  "owner":{"oneOf":[{"$ref":"#/components/schemas/Owner"},{"type":"null"}]},
                  "limit":{"type":"integer","exclusiveMinimum":0,"examples":[{"type":["x","y"]}]}}}}}}
                """));

        JsonNode properties = downgraded.at("/components/schemas/Environment/properties");
        assertThat(downgraded.path("openapi").asText()).isEqualTo("3.0.3");
        assertThat(properties.path("deletedAt").toString())
                .isEqualTo("{\"type\":\"string\",\"format\":\"date-time\",\"nullable\":true}");
        assertThat(properties.path("owner").toString())
                .isEqualTo("{\"oneOf\":[{\"$ref\":\"#/components/schemas/Owner\"}],\"nullable\":true}");
        assertThat(properties.path("limit").path("minimum").asInt()).isZero();
        assertThat(properties.path("limit").path("exclusiveMinimum").asBoolean()).isTrue();
        assertThatThrownBy(() -> ServedContract.asOpenApi30(JSON.readTree(
                "{\"openapi\":\"3.1.0\",\"schema\":{\"type\":[\"string\",\"integer\"]}}")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOperationalEndpointsAreNotPartOfTheContract() {
        api.get("/actuator/health");
        api.as(null).get("/v3/api-docs");

        assertThat(contract.checked()).isZero();
    }
}

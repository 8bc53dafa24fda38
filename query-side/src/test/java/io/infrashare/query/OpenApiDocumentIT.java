package io.infrashare.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.Topic;
import io.infrashare.http.Api;
import io.infrashare.testing.HttpApiDocument;
import io.infrashare.testing.SavedOpenApiDocument;
import io.infrashare.testing.WithKafka;
import io.infrashare.testing.WithPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document describes every query of docs/http-api.md, and anyone may read it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka(topics = Topic.NAME)
class OpenApiDocumentIT {

    /** The query table of docs/http-api.md, as written there. */
    static final List<String> QUERIES = List.of(
            "GET /environments/{env}/consumption",
            "GET /resources/{id}",
            "GET /resources/{id}/consumers",
            "GET /resources/{id}/impact",
            "GET /environments/{env}/packages/{package}/resolution",
            "GET /projects",
            "GET /projects/{project}",
            "GET /graph",
            "GET /audit",
            "GET /audit/keys",
            "GET /audit/checkpoints",
            "GET /audit/checkpoints/latest",
            "GET /audit/proof",
            "GET /audit/consistency",
            "GET /audit/log");

    @LocalServerPort
    int port;

    @Test
    void everyQueryOfTheContractIsDocumentedWithItsParameters() {
        JsonNode document = Api.localhost(port).get("/v3/api-docs").body();

        assertThat(operations(document)).containsAll(QUERIES.stream().map(OpenApiDocumentIT::shape).toList());
        assertThat(document.at("/paths/~1audit/get/parameters").findValuesAsText("name"))
                .contains("project", "environment", "resource", "actor", "type", "from", "to", "after", "limit");
        assertThat(document.at("/paths/~1environments~1{environment}~1consumption/get/parameters")
                .findValuesAsText("name")).contains("at");
        assertThat(document.at("/paths/~1graph/get/parameters").findValuesAsText("name"))
                .contains("at", "project", "resource", "depth", "format");
        assertThat(document.at("/paths/~1graph/get/responses/200/content").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("application/json", "text/vnd.mermaid", "text/vnd.graphviz");
        assertThat(document.findValuesAsText("name")).doesNotContain("caller");
        for (String path : new String[]{"/paths/~1audit~1log/get/parameters", "/paths/~1audit~1consistency/get/parameters"}) {
            assertThat(document.at(path).findParents("in")).filteredOn(parameter -> parameter.get("in").asText()
                            .equals("query")).extracting(parameter -> parameter.at("/schema/type").asText())
                    .as("the log's from and to are indexes, not instants").containsExactly("integer", "integer");
        }
    }

    private static List<String> operations(JsonNode document) {
        List<String> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> operations.add(shape(method.toUpperCase(Locale.ROOT) + " " + path.getKey()))));
        return operations;
    }

    private static String shape(String operation) {
        return operation.replaceAll("\\{[^}]*}", "{}");
    }

    @Test
    void theHttpApiDocsListExactlyTheQueriesTheServedDocumentDescribes() throws IOException {
        Map<?, ?> document = new ObjectMapper().convertValue(Api.localhost(port).get("/v3/api-docs").body(),
                Map.class);

        assertThat(HttpApiDocument.operations("## Query side"))
                .as("operations in docs/http-api.md under '## Query side' (actual) and in /v3/api-docs (expected)")
                .containsExactlyInAnyOrderElementsOf(HttpApiDocument.served((Map<?, ?>) document.get("paths")));
    }

    /** Clients are generated from docs/openapi/query-side.json: it must say exactly what the service serves. */
    @Test
    void theSavedDocumentIsTheServedOne() throws IOException {
        String served = SavedOpenApiDocument.text(Api.localhost(port).get("/v3/api-docs").requireSuccess().body());

        assertThat(SavedOpenApiDocument.saved("query-side", served)).as(SavedOpenApiDocument.HOW_TO_REFRESH)
                .isEqualTo(served);
    }
}

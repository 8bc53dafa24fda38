package io.infrashare.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.testing.HttpApiDocument;
import io.infrashare.testing.SavedOpenApiDocument;
import io.infrashare.testing.WithPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document describes every command of docs/http-api.md, and anyone may read it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "infrashare.publication.enabled=false"})
@WithPostgres
class OpenApiDocumentIT {

    /** The command table of docs/http-api.md, as written there. */
    static final List<String> COMMANDS = List.of(
            "POST /projects",
            "POST /projects/{project}/environments",
            "DELETE /environments/{env}",
            "POST /projects/{project}/packages",
            "POST /environments/{env}/resources",
            "POST /projects/{project}/resources",
            "PATCH /resources/{id}",
            "POST /resources/{id}/decommission",
            "PUT /resources/{id}/shares/{project}",
            "DELETE /resources/{id}/shares/{project}",
            "PUT /environments/{env}/defaults/{type}",
            "DELETE /environments/{env}/defaults/{type}",
            "PUT /environments/{env}/remote-references/{package}",
            "DELETE /environments/{env}/remote-references/{package}",
            "PUT /resource-types/{type}");

    @Value("${local.server.port}")
    int port;

    @Test
    void everyCommandOfTheContractIsDocumentedWithItsBearerToken() {
        Answer answer = Api.localhost(port).get("/v3/api-docs");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(operations(answer.body())).containsAll(COMMANDS.stream().map(OpenApiDocumentIT::shape).toList());
        assertThat(answer.body().at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(answer.body().findValuesAsText("name")).as("the caller comes from the token, not a parameter")
                .doesNotContain("requester", "caller");
    }

    @Test
    void swaggerUiIsServed() {
        String page = Api.localhost(port).get("/swagger-ui/index.html").requireSuccess().text();

        assertThat(page).contains("swagger-ui");
    }

    /** "METHOD /path" for each operation, path variables written {} whatever their names. */
    static List<String> operations(JsonNode document) {
        List<String> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> operations.add(shape(method.toUpperCase(Locale.ROOT) + " " + path.getKey()))));
        return operations;
    }

    static String shape(String operation) {
        return operation.replaceAll("\\{[^}]*}", "{}");
    }

    @Test
    void theHttpApiDocsListExactlyTheCommandsTheServedDocumentDescribes() throws IOException {
        Map<?, ?> document = new ObjectMapper().convertValue(
                Api.localhost(port).get("/v3/api-docs").requireSuccess().body(), Map.class);

        assertThat(HttpApiDocument.operations("## Command side"))
                .as("operations in docs/http-api.md under '## Command side' (actual) and in /v3/api-docs (expected)")
                .containsExactlyInAnyOrderElementsOf(HttpApiDocument.served((Map<?, ?>) document.get("paths")));
    }

    /** Clients are generated from docs/openapi/command-side.json: it must say exactly what the service serves. */
    @Test
    void theSavedDocumentIsTheServedOne() throws IOException {
        String served = SavedOpenApiDocument.text(Api.localhost(port).get("/v3/api-docs").requireSuccess().body());

        assertThat(SavedOpenApiDocument.saved("command-side", served)).as(SavedOpenApiDocument.HOW_TO_REFRESH)
                .isEqualTo(served);
    }
}

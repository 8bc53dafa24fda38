package io.infrashare.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.io.IOException;

/** A client of the command API as a user's script would be: a token, a method, a path, a JSON body. */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RestClient client;

    Http(int port) {
        this.client = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    Answer send(String token, HttpMethod method, String path, String json) {
        return send(token, method, path, json, null);
    }

    Answer send(String token, HttpMethod method, String path, String json, String idempotencyKey) {
        var request = client.method(method).uri(path);
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        ResponseEntity<String> response = request.retrieve().toEntity(String.class);
        return new Answer(response.getStatusCode().value(),
                response.getHeaders().getContentType(), parse(response.getBody()),
                response.getHeaders().getFirst("X-Correlation-Id"));
    }

    Answer post(String token, String path, String json) {
        return send(token, HttpMethod.POST, path, json);
    }

    Answer put(String token, String path, String json) {
        return send(token, HttpMethod.PUT, path, json);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + body, e);
        }
    }

    /** @param correlationId the id the command side gave the request, found in the provenance of its events */
    record Answer(int status, MediaType contentType, JsonNode body, String correlationId) {

        String text(String field) {
            return body.path(field).asText();
        }
    }
}

package io.infrashare.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** HTTP as curl would do it: a token, a method, a path and a JSON body. */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    Api(int port) {
        this("localhost", port);
    }

    /** An address of the host the service runs on, which need not be the loopback. */
    Api(String host, int port) {
        this.base = "http://" + host + ":" + port;
    }

    Answer send(String token, String method, String path, String body) throws IOException, InterruptedException {
        return send(token, method, path, body, null);
    }

    /** A write with an {@code Idempotency-Key}, when {@code idempotencyKey} is not null. */
    Answer send(String token, String method, String path, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("X-Projection-Position").orElse(null),
                response.headers().firstValue("Idempotent-Replayed").map(Boolean::parseBoolean).orElse(false), json);
    }

    Answer get(String token, String path) throws IOException, InterruptedException {
        return send(token, "GET", path, null);
    }

    Answer post(String token, String path, String body) throws IOException, InterruptedException {
        return send(token, "POST", path, body);
    }

    Answer put(String token, String path, String body) throws IOException, InterruptedException {
        return send(token, "PUT", path, body);
    }

    /** @param replayed whether the command side answered a repeat with the first answer, without running it */
    record Answer(int status, String contentType, String projectionPosition, boolean replayed, JsonNode body) {
    }
}

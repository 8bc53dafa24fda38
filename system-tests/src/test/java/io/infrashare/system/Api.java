package io.infrashare.system;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** HTTP as curl would do it: a token, a method, a path and a JSON body. */
final class Api {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
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
        return send(token, method, path, body, Map.of());
    }

    /** A write with an {@code Idempotency-Key}, when {@code idempotencyKey} is not null. */
    Answer send(String token, String method, String path, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        return send(token, method, path, body,
                idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey));
    }

    /** A request with more headers ({@code X-Reason}, {@code X-Correlation-Id}...), sent as they are given. */
    Answer send(String token, String method, String path, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        String text = utf8(response.body());
        JsonNode json = text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("X-Projection-Position").orElse(null),
                response.headers().firstValue("Idempotent-Replayed").map(Boolean::parseBoolean).orElse(false), json);
    }

    /** Every line of an NDJSON answer, each parsed as exactly one JSON value; an answer that is not 200 fails. */
    List<JsonNode> ndjson(String token, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/x-ndjson")
                .GET().build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        String text = utf8(response.body());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " as NDJSON answered " + response.statusCode() + ": " + text);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            if (!line.isEmpty()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    /** The bytes as UTF-8, refusing any that are not: a replacement character would hide text that was broken. */
    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
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

package io.infrashare.faultrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** HTTP as a client of infrashare does it: a bearer token, a correlation id, an idempotency key for writes. */
public final class Http {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param text the body as it came, for answers that are not JSON */
    public record Answer(int status, JsonNode body, String projectionPosition, String text) {

        public boolean success() {
            return status >= 200 && status < 300;
        }

        /** The last segment of a problem's {@code type}, such as {@code concurrent-modification}. */
        String problem() {
            String type = body.path("type").asText("");
            return type.substring(type.lastIndexOf('/') + 1);
        }
    }

    public Answer send(int port, String token, String method, String path, String body, String correlationId,
                       String idempotencyKey, Duration timeout) throws IOException, InterruptedException {
        return send(port, token, method, path, body, correlationId, idempotencyKey, null, timeout);
    }

    /** With an {@code X-Reason} when {@code reason} is not null, sent as the service asks: percent-encoded UTF-8. */
    public Answer send(int port, String token, String method, String path, String body, String correlationId,
                       String idempotencyKey, String reason, Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (correlationId != null) {
            request.header("X-Correlation-Id", correlationId);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (reason != null) {
            request.header("X-Reason", percentEncoded(reason));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isBlank() || !response.headers().firstValue("Content-Type").orElse("")
                .contains("json") ? JSON.nullNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), json,
                response.headers().firstValue("X-Projection-Position").orElse(null), response.body());
    }

    public Answer get(int port, String token, String path) throws IOException, InterruptedException {
        return send(port, token, "GET", path, null, null, null, Duration.ofSeconds(30));
    }

    /**
     * The entries of an NDJSON export, checked complete: its last line must be the trailer counting them, so an
     * export cut short (an error line, or a connection closed early) is an IOException, not fewer entries.
     */
    List<JsonNode> lines(int port, String token, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/x-ndjson")
                .GET().build();
        HttpResponse<Stream<String>> response =
                client.send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode());
        }
        List<JsonNode> lines = new ArrayList<>();
        try (var stream = response.body()) {
            for (String line : (Iterable<String>) stream::iterator) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
        }
        JsonNode trailer = lines.isEmpty() ? null : lines.remove(lines.size() - 1).get("trailer");
        if (trailer == null || trailer.path("count").asLong(-1) != lines.size()) {
            throw new IOException("GET " + path + " ended without its trailer after " + lines.size() + " lines");
        }
        return lines;
    }

    /** Every byte of the UTF-8 outside printable ASCII, and {@code %} itself, as {@code %XX}. */
    static String percentEncoded(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int unsigned = b & 0xFF;
            if (unsigned > 0x20 && unsigned < 0x7F && unsigned != '%') {
                encoded.append((char) unsigned);
            } else {
                encoded.append('%').append(String.format("%02X", unsigned));
            }
        }
        return encoded.toString();
    }
}

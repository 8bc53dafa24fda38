package io.infrashare.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * HTTP as a user's script or a pipeline sends it to infrashare (docs/http-api.md): a base address, a token, the
 * headers a write may carry, JSON bodies. Each {@code as} and {@code with...} gives a new client, so one may be kept
 * per principal; a verb sends and returns the {@link Answer}, whatever its status:
 *
 * <pre>{@code Api.localhost(port).as("dev-ops").withReason("Zürich move").post("/projects", json)}</pre>
 *
 * A test may watch every exchange of a client and of the clients made from it ({@link #observedBy}), to check each
 * answer against the service's OpenAPI document, say. A failure to send or to read the answer is an {@link UncheckedIOException} (an interrupted wait one whose cause is an
 * {@link InterruptedIOException}, with the thread's interrupt flag set again).
 */
public final class Api {

    public static final String NDJSON = "application/x-ndjson";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration EXPORT_TIMEOUT = Duration.ofMinutes(2);
    /** HTTP/1.1 as curl speaks it: no upgrade to try, and a body without a length goes in chunks. */
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String base;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final Consumer<Exchange> observer;

    private Api(String base, Map<String, String> headers, Duration timeout, Consumer<Exchange> observer) {
        this.base = base;
        this.headers = headers;
        this.timeout = timeout;
        this.observer = observer;
    }

    /** @param base the scheme, host and port, such as {@code http://127.0.0.1:8080} */
    public static Api at(String base) {
        return new Api(base, Map.of(), TIMEOUT, exchange -> {
        });
    }

    public static Api localhost(int port) {
        return at("http://localhost:" + port);
    }

    /** As the principal of this bearer token (a demo principal's name or a JWT); null for no token at all. */
    public Api as(String token) {
        return withHeader("Authorization", token == null ? null : "Bearer " + token);
    }

    public Api withIdempotencyKey(String key) {
        return withHeader("Idempotency-Key", key);
    }

    /** The client's own reference for the request, which the audit log keeps beside the service's id for it. */
    public Api withCorrelationId(String correlationId) {
        return withHeader("X-Correlation-Id", correlationId);
    }

    /** The reason for a write, sent as the service asks for it: {@linkplain #percentEncoded percent-encoded UTF-8}. */
    public Api withReason(String reason) {
        return withHeader("X-Reason", reason == null ? null : percentEncoded(reason));
    }

    /** A header sent exactly as given, or, when {@code value} is null, not sent. */
    public Api withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.remove(name);
        if (value != null) {
            more.put(name, value);
        }
        return new Api(base, Map.copyOf(more), timeout, observer);
    }

    public Api withTimeout(Duration timeout) {
        return new Api(base, headers, timeout, observer);
    }

    /**
     * This client, and every client made from it, handing each exchange to the observer once its answer is read,
     * before the verb returns it; the observer runs on the sending thread. An observer set before is replaced.
     */
    public Api observedBy(Consumer<Exchange> observer) {
        return new Api(base, headers, timeout, observer);
    }

    /** The scheme, host and port this client sends to. */
    public String base() {
        return base;
    }

    public Answer get(String path) {
        return send("GET", path, HttpRequest.BodyPublishers.noBody());
    }

    public Answer post(String path, String json) {
        return send("POST", path, json);
    }

    public Answer put(String path, String json) {
        return send("PUT", path, json);
    }

    public Answer patch(String path, String json) {
        return send("PATCH", path, json);
    }

    public Answer delete(String path) {
        return send("DELETE", path, HttpRequest.BodyPublishers.noBody());
    }

    /** A JSON body, or none when {@code json} is null. */
    public Answer send(String method, String path, String json) {
        if (json == null) {
            return send(method, path, HttpRequest.BodyPublishers.noBody());
        }
        return withHeader("Content-Type", "application/json")
                .send(method, path, HttpRequest.BodyPublishers.ofString(json), json);
    }

    /**
     * Any body, its {@code Content-Type} only as {@link #withHeader} gave it: bytes that are not UTF-8, a body
     * without a length (sent in chunks).
     */
    public Answer send(String method, String path, HttpRequest.BodyPublisher body) {
        return send(method, path, body, null);
    }

    private Answer send(String method, String path, HttpRequest.BodyPublisher body, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .method(method, body);
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            Answer answer = new Answer(method + " " + path, response.statusCode(), response.headers(), response.body());
            observer.accept(new Exchange(method, path, headers, json, answer));
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException(method + " " + path + " was interrupted"));
        }
    }

    /**
     * Every line of an NDJSON export (its trailer included), each parsed as exactly one JSON value; an answer that is
     * not a 200 is an {@link IllegalStateException}.
     */
    public List<JsonNode> ndjson(String path) {
        Api export = withHeader("Accept", NDJSON);
        Answer answer = (timeout.compareTo(EXPORT_TIMEOUT) < 0 ? export.withTimeout(EXPORT_TIMEOUT) : export).get(path);
        if (answer.status() != 200) {
            throw new IllegalStateException(answer + " as NDJSON");
        }
        return answer.lines();
    }

    /**
     * Every byte of the text's UTF-8 outside printable ASCII, the space and {@code %} itself as {@code %XX}, as
     * docs/http-api.md asks for {@code X-Reason}. A lone surrogate has no UTF-8; it is sent as the three bytes UTF-8's
     * pattern would give it, which no UTF-8 decoder accepts, so that a test can send one.
     */
    public static String percentEncoded(String text) {
        StringBuilder encoded = new StringBuilder();
        text.codePoints().forEach(codePoint -> {
            byte[] bytes = codePoint >= 0xD800 && codePoint <= 0xDFFF
                    ? new byte[]{(byte) 0xED, (byte) (0x80 | ((codePoint >> 6) & 0x3F)),
                            (byte) (0x80 | (codePoint & 0x3F))}
                    : Character.toString(codePoint).getBytes(StandardCharsets.UTF_8);
            for (byte b : bytes) {
                int unsigned = b & 0xFF;
                if (unsigned > ' ' && unsigned < 0x7F && unsigned != '%') {
                    encoded.append((char) unsigned);
                } else {
                    encoded.append('%').append(String.format("%02X", unsigned));
                }
            }
        });
        return encoded.toString();
    }
}

package io.infrashare.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the service answered: the status, the headers, and the body as text, which must be UTF-8 (a replacement
 * character would hide text that was broken). A body the answer says is JSON is parsed at once, so that an answer
 * that lies about it fails where it is received.
 */
public final class Answer {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String request;
    private final int status;
    private final HttpHeaders headers;
    private final String text;
    private final JsonNode json;

    Answer(String request, int status, HttpHeaders headers, byte[] body) {
        this.request = request;
        this.status = status;
        this.headers = headers;
        this.text = utf8(request, body);
        this.json = isJson() ? parse(text) : null;
    }

    public int status() {
        return status;
    }

    public boolean success() {
        return status >= 200 && status < 300;
    }

    /** This answer, when it is a success; otherwise an {@link IllegalStateException} saying what was answered. */
    public Answer requireSuccess() {
        if (!success()) {
            throw new IllegalStateException(toString());
        }
        return this;
    }

    public String text() {
        return text;
    }

    /** The body as JSON, a null node when there is none; a body that is not JSON is an {@link UncheckedIOException}. */
    public JsonNode body() {
        return json != null ? json : parse(text);
    }

    /** A field of the JSON body as text, such as the {@code id} of what was created. */
    public String text(String field) {
        return body().path(field).asText();
    }

    /** Each line of an NDJSON body, each parsed as exactly one JSON value: an empty line is not one. */
    public List<JsonNode> lines() {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                throw new UncheckedIOException(new IOException("An empty line in NDJSON: " + this));
            }
            lines.add(parse(line));
        }
        return lines;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The header's first value, or null. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
        return header("Content-Type");
    }

    /** The id the command side gave the request, found in the provenance of its events. */
    public String correlationId() {
        return header("X-Correlation-Id");
    }

    /** The read models' position that the query side answered from. */
    public String projectionPosition() {
        return header("X-Projection-Position");
    }

    /** Whether the command side answered a repeat with the first answer, without running it. */
    public boolean replayed() {
        return "true".equals(header("Idempotent-Replayed"));
    }

    /** The last segment of a problem's {@code type}, such as {@code concurrent-modification}; empty for no problem. */
    public String problem() {
        String type = isJson() ? json.path("type").asText("") : "";
        return type.substring(type.lastIndexOf('/') + 1);
    }

    /** The request and what it was answered, for messages: {@code POST /projects answered 409: {...}}. */
    @Override
    public String toString() {
        return request + " answered " + status + ": " + text;
    }

    private boolean isJson() {
        String type = contentType() == null ? "" : contentType().split(";", 2)[0].trim();
        return type.equals("application/json") || type.endsWith("+json");
    }

    private JsonNode parse(String json) {
        if (json.isBlank()) {
            return NullNode.getInstance();
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Not JSON: " + this, e);
        }
    }

    private static String utf8(String request, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UncheckedIOException(request + " answered bytes that are not UTF-8", e);
        }
    }
}

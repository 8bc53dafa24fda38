package io.infrashare.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrashare.faultrun.Http;

import java.io.IOException;
import java.time.Duration;

/** One HTTP client of the load, talking to one of the apps: the fault run's {@link Http} on that app's port. */
final class Api {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Http http = new Http();
    private final int port;

    Api(int port) {
        this.port = port;
    }

    Http.Answer send(String token, String method, String path, String body) throws IOException, InterruptedException {
        return send(token, method, path, body, null);
    }

    /** With the request's correlation id, which the command side carries into the events it records. */
    Http.Answer send(String token, String method, String path, String body, String correlationId)
            throws IOException, InterruptedException {
        return http.send(port, token, method, path, body, correlationId, null, TIMEOUT);
    }

    /** Sends and insists on a 2xx: for the setup, where anything else means the run cannot go on. */
    JsonNode must(String token, String method, String path, String body) throws IOException, InterruptedException {
        Http.Answer answer = send(token, method, path, body);
        if (!answer.success()) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.status() + ": " + answer.text());
        }
        return answer.body();
    }
}

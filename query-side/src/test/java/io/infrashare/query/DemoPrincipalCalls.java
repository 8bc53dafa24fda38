package io.infrashare.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Requests to the query side over HTTP with a demo principal's token (docs/http-api.md), answers read as JSON. */
public record DemoPrincipalCalls(TestRestTemplate http) {

    public ResponseEntity<JsonNode> get(String path, String token) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(bearer(token)), JsonNode.class);
    }

    public ResponseEntity<JsonNode> post(String path, String token) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(bearer(token)), JsonNode.class);
    }

    public static HttpHeaders bearer(String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return headers;
    }
}

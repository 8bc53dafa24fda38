package io.infrashare.command.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What cannot be provoked over HTTP at will: a repeat while the first request runs, and failed requests. */
class IdempotencyFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final IdempotencyFilter filter =
            new IdempotencyFilter(new IdempotencyStore(Tables.migrated(), Clock.systemUTC()), JSON);
    private final AtomicInteger runs = new AtomicInteger();

    @BeforeEach
    void authenticate() {
        var olivia = new DefaultOAuth2AuthenticatedPrincipal("olivia",
                Map.of("organization", "acme", "teams", List.of("ops"), "roles", List.of()), List.of());
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(olivia, null));
    }

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
    }

    private static MockHttpServletRequest createProject() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/projects");
        request.addHeader(IdempotencyFilter.HEADER, "k1");
        request.setContentType("application/json");
        request.setContent("{\"name\":\"Shared Infra\",\"abbreviation\":\"si\",\"ownerTeam\":\"ops\"}"
                .getBytes(StandardCharsets.UTF_8));
        return request;
    }

    private MockHttpServletResponse send(FilterChain controller) throws IOException, ServletException {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(createProject(), response, (request, answer) -> {
            runs.incrementAndGet();
            controller.doFilter(request, answer);
        });
        return response;
    }

    private static FilterChain answering(int status) {
        return (request, response) -> {
            ((HttpServletResponse) response).setStatus(status);
            response.setContentType("application/json");
            response.getWriter().write("{\"id\":\"si\"}");
        };
    }

    @Test
    void aRepeatWhileTheFirstRequestRunsIsAConflict() throws Exception {
        MockHttpServletResponse[] repeat = new MockHttpServletResponse[1];

        send((request, response) -> repeat[0] = send(answering(201)));

        assertThat(repeat[0].getStatus()).isEqualTo(409);
        assertThat(repeat[0].getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(repeat[0].getContentAsByteArray());
        assertThat(problem.path("type").asText()).isEqualTo("/problems/idempotency-key-in-progress");
        assertThat(runs).as("the repeat did not run").hasValue(1);
    }

    @Test
    void theControllerReadsTheBodyTheFilterFingerprinted() throws Exception {
        String[] read = new String[1];

        send((request, response) -> read[0] = new String(request.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));

        assertThat(read[0]).isEqualTo("{\"name\":\"Shared Infra\",\"abbreviation\":\"si\",\"ownerTeam\":\"ops\"}");
    }

    @Test
    void theAnswerReachesTheClientAndIsReplayedWithoutRunningAgain() throws Exception {
        MockHttpServletResponse first = send(answering(201));
        MockHttpServletResponse repeated = send(answering(201));

        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(first.getContentAsString()).isEqualTo("{\"id\":\"si\"}");
        assertThat(repeated.getStatus()).isEqualTo(201);
        assertThat(repeated.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(repeated.getContentAsString()).isEqualTo("{\"id\":\"si\"}");
        assertThat(runs).hasValue(1);
    }

    @Test
    void aServerErrorIsNoAnswerSoTheRequestMayBeRetried() throws Exception {
        MockHttpServletResponse failed = send(answering(500));
        MockHttpServletResponse retried = send(answering(201));

        assertThat(failed.getStatus()).isEqualTo(500);
        assertThat(retried.getStatus()).isEqualTo(201);
        assertThat(retried.getHeader(IdempotencyFilter.REPLAYED_HEADER)).isNull();
        assertThat(runs).hasValue(2);
    }

    @Test
    void aFailureThatEscapesTheControllerFreesTheKey() throws Exception {
        assertThatThrownBy(() -> send((request, response) -> {
            throw new IllegalStateException("database gone");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(send(answering(201)).getStatus()).isEqualTo(201);
        assertThat(runs).hasValue(2);
    }
}

package io.infrashare.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/** Writes the refusals of the security filter chain, which run before any controller advice, as problems. */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
                         AuthenticationException exception) throws IOException {
        // the reason, never the token
        log.info("Refused {} {}: unauthenticated ({})", request.getMethod(), request.getRequestURI(),
                exception.getMessage());
        response.setHeader("WWW-Authenticate", "Bearer");
        write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                "A valid bearer token is required: Authorization: Bearer <token>."));
    }

    @Override
    public void handle(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
                       AccessDeniedException exception) throws IOException {
        log.info("Refused {} {} to {}: {}", request.getMethod(), request.getRequestURI(),
                request.getUserPrincipal() == null ? "nobody" : request.getUserPrincipal().getName(),
                exception.getMessage());
        write(response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", exception.getMessage()));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        Problems.write(response, json, problem);
    }
}

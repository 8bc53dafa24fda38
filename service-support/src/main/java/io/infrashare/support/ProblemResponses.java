package io.infrashare.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

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
        write(response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", why(request)));
    }

    /** Which rule of "Who may write" (docs/http-api.md) the request broke, for the caller to read. */
    private static String why(jakarta.servlet.http.HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Set<String> authorities = authentication == null ? Set.of()
                : AuthorityUtils.authorityListToSet(authentication.getAuthorities());
        String path = request.getServletPath();
        if (path.startsWith("/actuator/") || path.startsWith("/admin/")) {
            return "Only the platform's operator may use the stack-wide operations, health details and metrics.";
        }
        if (!authorities.contains(CallerAttributes.MEMBER)) {
            return "The caller belongs to no organization: the platform's operator reaches the stack-wide "
                    + "operations only.";
        }
        if (authorities.contains("ROLE_" + Caller.AUDITOR.toUpperCase(Locale.ROOT))) {
            return "An auditor reads everything of the organization and writes nothing, whatever teams the token "
                    + "names.";
        }
        return "The caller may not do this.";
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        Problems.write(response, json, problem);
    }
}

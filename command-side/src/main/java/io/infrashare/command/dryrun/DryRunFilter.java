package io.infrashare.command.dryrun;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.support.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code ?dryRun=} on writes: {@code true} marks the request as a dry run, {@code false} or no parameter leaves
 * it a real write, and anything else (another spelling, an empty value, the parameter twice) is a 400 that runs nothing. The operator's
 * stack-wide operations ({@code /admin}) are no commands and have no dry run: the parameter is a 400 there too,
 * rather than an operation run for real that the caller meant to try. Runs after the rate limit, which counts dry
 * runs like any write, and before the idempotency key is looked at, which a dry run neither takes nor replays.
 */
class DryRunFilter extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final ObjectMapper json;

    DryRunFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod()) || request.getQueryString() == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> values = UriComponentsBuilder.newInstance().query(request.getQueryString()).build()
                .getQueryParams().get(DryRun.PARAMETER);
        if (values == null) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getRequestURI().startsWith("/admin/")) {
            refuse(response, "The operator's operations have no dry run.", "not taken by this operation");
            return;
        }
        // the value as sent, not decoded: exactly true or false, given once
        String value = values.size() == 1 ? values.get(0) : null;
        if (!"true".equals(value) && !"false".equals(value)) {
            refuse(response, DryRun.PARAMETER + " must be true or false.", "must be true or false");
            return;
        }
        if ("true".equals(value)) {
            DryRun.mark(request);
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response, String detail, String message) throws IOException {
        Problems.write(response, json, Problems.invalid(detail,
                List.of(new Problems.FieldError(DryRun.PARAMETER, message))));
    }
}

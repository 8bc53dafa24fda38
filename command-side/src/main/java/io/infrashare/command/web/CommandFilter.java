package io.infrashare.command.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.filter.OncePerRequestFilter;

import java.util.Set;

/**
 * A filter of an organization's commands: the writes, but not the operator's stack-wide operations ({@code /admin}),
 * which record no events. Every other request passes it untouched.
 */
abstract class CommandFilter extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Override
    protected final boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod()) || request.getRequestURI().startsWith("/admin/");
    }
}

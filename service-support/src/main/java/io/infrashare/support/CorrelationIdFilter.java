package io.infrashare.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id of the service's own, a new UUID: it is sent back in {@code X-Correlation-Id},
 * put in the logging context and recorded with every event the request causes. A client's own
 * {@code X-Correlation-Id}, when it is a sensible token, is kept beside it as the client's reference (recorded and shown
 * in the audit), and never becomes the request's id: no caller can attach its change to another's request.
 */
public class CorrelationIdFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Correlation-Id";
    static final String ATTRIBUTE = CorrelationIdFilter.class.getName();
    static final String CLIENT_REFERENCE = CorrelationIdFilter.class.getName() + ".clientReference";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    public static String of(HttpServletRequest request) {
        return (String) request.getAttribute(ATTRIBUTE);
    }

    /** The client's own {@code X-Correlation-Id}, or null when it sent none or one that is not a sensible token. */
    public static String clientReferenceOf(HttpServletRequest request) {
        return (String) request.getAttribute(CLIENT_REFERENCE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String correlationId = UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, correlationId);
        if (given != null && ACCEPTED.matcher(given).matches()) {
            request.setAttribute(CLIENT_REFERENCE, given);
        }
        response.setHeader(HEADER, correlationId);
        MDC.put("correlationId", correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove("correlationId");
        }
    }
}

package io.infrashare.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where the demo principals are the tokens, everybody knows them: the service answers requests from the loopback
 * only, whatever address it listens on, and refuses the others with a 403 before anything else looks at them.
 */
class LoopbackOnly extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(LoopbackOnly.class);

    private final ObjectMapper json;

    LoopbackOnly(ObjectMapper json, String listeningOn) {
        this.json = json;
        if (!loopback(listeningOn)) {
            log.warn("The demo principals are on and the service listens on {}: requests from other addresses than "
                    + "the loopback are refused. For other callers, configure JWTs instead of the demo profile.",
                    listeningOn.isEmpty() ? "every address" : listeningOn);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (loopback(request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        log.warn("Refused {} {} from {}: the demo principals answer the loopback only", request.getMethod(),
                request.getRequestURI(), request.getRemoteAddr());
        Problems.write(response, json, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "This service runs with the demo principals and answers requests from its own machine only."));
    }

    /** An address literal of the loopback; a name or anything else is not. */
    static boolean loopback(String address) {
        if (address == null || address.isEmpty() || !address.matches("[0-9a-fA-F.:%\\[\\]]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

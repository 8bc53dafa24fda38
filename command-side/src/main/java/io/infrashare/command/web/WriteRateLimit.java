package io.infrashare.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.infrashare.support.Caller;
import io.infrashare.support.CurrentCaller;
import io.infrashare.support.Problems;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets per principal (Bucket4j) for writes: over the limit a write is a 429 problem with
 * {@code Retry-After}, before it is run or its idempotency key taken. One bucket per principal who wrote to this
 * node since it started; reads are not limited.
 */
class WriteRateLimit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(WriteRateLimit.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final RateLimitProperties limit;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    WriteRateLimit(RateLimitProperties limit, ObjectMapper json, MeterRegistry meters) {
        this.limit = limit;
        this.json = json;
        this.meters = meters;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        Caller caller = CurrentCaller.get();
        ConsumptionProbe probe = buckets.computeIfAbsent(caller.organization().value() + "/" + caller.name(),
                principal -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
        log.info("Refused {} {} to {}: over {} writes per second", request.getMethod(), request.getRequestURI(),
                caller.name(), limit.writesPerSecond());
        meters.counter("infrashare.commands.refused", "type", "rate-limited").increment();
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        Problems.write(response, json, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many writes",
                caller.name() + " sent more than " + limit.writesPerSecond() + " writes per second (bursts of "
                        + limit.burst() + "); nothing was recorded, retry after " + seconds + " s."));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.burst())
                        .refillGreedy(limit.writesPerSecond(), Duration.ofSeconds(1)))
                .build();
    }
}

package io.infrashare.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
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

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Token buckets per principal (Bucket4j) for writes: over the limit a write is a 429 problem with
 * {@code Retry-After}, before it is run or its idempotency key taken. One bucket per principal who wrote to this
 * node lately: a bucket left idle for as long as it takes to fill up again (at least a minute) is dropped, since a new
 * one would be the same, so a stream of new principals does not grow the heap for ever. Reads are not limited.
 */
class WriteRateLimit extends CommandFilter {

    private static final Logger log = LoggerFactory.getLogger(WriteRateLimit.class);

    private final RateLimitProperties limit;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final Cache<String, Bucket> buckets;

    WriteRateLimit(RateLimitProperties limit, ObjectMapper json, MeterRegistry meters) {
        this(limit, json, meters, Ticker.systemTicker());
    }

    WriteRateLimit(RateLimitProperties limit, ObjectMapper json, MeterRegistry meters, Ticker ticker) {
        this.limit = limit;
        this.json = json;
        this.meters = meters;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(idleLimit(limit)).ticker(ticker).build();
    }

    /** How long a bucket takes to fill up from empty, and at least a minute. */
    static Duration idleLimit(RateLimitProperties limit) {
        long seconds = (limit.burst() + limit.writesPerSecond() - 1) / limit.writesPerSecond();
        return Duration.ofSeconds(Math.max(60, seconds));
    }

    /** The principals whose buckets are kept now. */
    long keptBuckets() {
        buckets.cleanUp();
        return buckets.estimatedSize();
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
        ConsumptionProbe probe = take(caller.organization().value() + "/" + caller.id());
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

    /** One write of the principal, from its bucket. */
    ConsumptionProbe take(String principal) {
        return buckets.get(principal, any -> newBucket()).tryConsumeAndReturnRemaining(1);
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.burst())
                        .refillGreedy(limit.writesPerSecond(), Duration.ofSeconds(1)))
                .build();
    }
}

package io.infrashare.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.support.Problems;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets a bounded number of commands run on a node at once, the others waiting their turn in arrival order. A command
 * is mostly work for the processor and the database; run by the dozen on a few cores, commands leave the run queue
 * to each other, and the single thread that publishes the stored events gets a dozenth of a core: publication, and so
 * every read model, falls seconds behind while the commands go no faster ({@code docs/benchmarks.md}). A command that
 * waited as long as a command may run is refused with a 503 problem and {@code Retry-After}, having recorded nothing;
 * its {@code Idempotency-Key}, taken before, is given back as for any 5xx. An idempotent replay never waits: it is
 * answered before this filter.
 */
class CommandAdmission extends CommandFilter {

    private static final Logger log = LoggerFactory.getLogger(CommandAdmission.class);

    private final Semaphore running;
    private final int concurrency;
    private final Duration longestWait;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    /**
     * @param concurrency the commands that run at once
     * @param longestWait how long a command waits for its turn before it is refused
     */
    CommandAdmission(int concurrency, Duration longestWait, ObjectMapper json, MeterRegistry meters) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("At least one command must be able to run, not " + concurrency);
        }
        this.running = new Semaphore(concurrency, true);
        this.concurrency = concurrency;
        this.longestWait = longestWait;
        this.json = json;
        this.meters = meters;
        Gauge.builder("infrashare.commands.waiting", running, Semaphore::getQueueLength)
                .description("commands waiting for their turn to run").register(meters);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = running.tryAcquire(longestWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            refuse(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            running.release();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        log.warn("Refused {} {}: {} commands were running and it waited {} for its turn", request.getMethod(),
                request.getRequestURI(), concurrency, longestWait);
        meters.counter("infrashare.commands.refused", "type", "busy").increment();
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        Problems.write(response, json, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Too busy",
                "The node ran " + concurrency + " commands at once for the " + longestWait.toSeconds()
                        + " s this one waited; nothing was recorded, retry after 1 s."));
    }
}

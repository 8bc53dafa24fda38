package io.infrashare.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.command.dryrun.DryRun;
import io.infrashare.support.Caller;
import io.infrashare.support.CurrentCaller;
import io.infrashare.support.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes sent with an {@code Idempotency-Key}: the first runs and its answer is stored; a repeat with the same key
 * and request gets that answer again without running; the same key for another request is refused. Runs after
 * authentication, since keys belong to the caller, and after the body limit, since it reads the whole body first.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern VALID_KEY = Pattern.compile("[\\x20-\\x7E]{1,200}");

    private final IdempotencyStore store;
    private final ObjectMapper json;

    IdempotencyFilter(IdempotencyStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    /**
     * Keys are kept per organization and caller, for commands; the operator's stack-wide operations
     * ({@code /admin}) take none, and a dry run ignores its key: it neither takes it nor gets an answer replayed.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod()) || request.getHeader(HEADER) == null
                || request.getRequestURI().startsWith("/admin/") || DryRun.requested(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches() || key.isBlank()) {
            Problems.write(response, json, Problems.invalid(HEADER + " must be 1 to 200 printable characters.",
                    List.of(new Problems.FieldError(HEADER, "must be 1 to 200 printable characters"))));
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            // Only public endpoints get here unauthenticated, and they record nothing.
            chain.doFilter(request, response);
            return;
        }
        Caller caller = CurrentCaller.get();
        // Bounded by the body limit, which runs before this filter.
        byte[] body = request.getInputStream().readAllBytes();
        IdempotencyStore.Scope scope = new IdempotencyStore.Scope(caller.organization().value(), caller.id(), key);
        String fingerprint = fingerprint(request, body);

        Optional<IdempotencyStore.Earlier> earlier = store.claim(scope, fingerprint);
        if (earlier.isPresent()) {
            answerFrom(earlier.get(), fingerprint, scope, response);
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new BufferedBodyRequest(request, body), answer);
        } catch (IOException | ServletException | RuntimeException failure) {
            try {
                store.release(scope);
            } catch (RuntimeException releaseFailure) {
                // the database that failed the request may fail this too; the request's own failure is the answer
                failure.addSuppressed(releaseFailure);
                log.error("Idempotency-Key '{}' of {} could not be freed after a failure; it stays in progress "
                        + "until it expires", scope.key(), scope.principal(), releaseFailure);
            }
            throw failure;
        }
        keep(scope, answer);
        answer.copyBodyToResponse();
    }

    private void answerFrom(IdempotencyStore.Earlier earlier, String fingerprint, IdempotencyStore.Scope scope,
                            HttpServletResponse response) throws IOException {
        if (!earlier.fingerprint().equals(fingerprint)) {
            log.info("Idempotency-Key '{}' of {} was reused for another request: refused", scope.key(),
                    scope.principal());
            Problems.write(response, json, Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                    "Idempotency key reused", "This Idempotency-Key was already used for another request; "
                            + "a new request needs a new key."));
            return;
        }
        if (earlier.answer().isEmpty()) {
            log.info("Idempotency-Key '{}' of {} is still in progress: refused", scope.key(), scope.principal());
            Problems.write(response, json, Problems.of(HttpStatus.CONFLICT, "idempotency-key-in-progress",
                    "Request in progress", "The first request with this Idempotency-Key has not been answered yet; "
                            + "repeat it once it has."));
            return;
        }
        IdempotencyStore.Answer answer = earlier.answer().get();
        log.info("Idempotency-Key '{}' of {}: replaying the first answer ({})", scope.key(), scope.principal(),
                answer.status());
        response.setStatus(answer.status());
        if (answer.contentType() != null) {
            response.setContentType(answer.contentType());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        response.setContentLength(answer.body().length);
        response.getOutputStream().write(answer.body());
    }

    /** Stores the answer to repeat; a server error is no answer, so the key is freed for a retry instead. */
    private void keep(IdempotencyStore.Scope scope, ContentCachingResponseWrapper answer) {
        try {
            if (answer.getStatus() >= 500) {
                store.release(scope);
            } else {
                store.complete(scope, new IdempotencyStore.Answer(answer.getStatus(), answer.getContentType(),
                        answer.getContentAsByteArray()));
            }
        } catch (RuntimeException e) {
            // The write has happened: its answer still goes out. The key stays in progress until it expires.
            log.error("The answer to Idempotency-Key '{}' of {} could not be stored", scope.key(), scope.principal(),
                    e);
        }
    }

    /** What makes two requests the same request: method, path with query, and the body byte for byte. */
    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            String target = request.getMethod() + " " + request.getRequestURI()
                    + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) + "\n";
            sha256.update(target.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}

package io.infrashare.command.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.infrashare.command.CommandTimedOut;
import io.infrashare.command.ConstraintViolation;
import io.infrashare.command.LostRace;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.infrashare.support.CorrelationIdFilter;
import io.infrashare.support.CurrentCaller;
import io.infrashare.support.Problems;

import java.util.List;

/** Turns refused commands into problems; the stable {@code type} comes from the refusal's code. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandRefusalHandler {

    private static final Logger log = LoggerFactory.getLogger(CommandRefusalHandler.class);

    private final MeterRegistry meters;

    CommandRefusalHandler(MeterRegistry meters) {
        this.meters = meters;
    }

    @ExceptionHandler(CommandRefusedException.class)
    ProblemDetail refused(CommandRefusedException refusal) {
        log.info("Command refused ({}) for {}: {}", refusal.code().type(), CurrentCaller.get().name(),
                refusal.getMessage());
        counted(refusal.code().type());
        ProblemDetail problem = Problems.of(HttpStatusCode.valueOf(refusal.code().status()), refusal.code().type(),
                refusal.code().title(), refusal.getMessage());
        if (!refusal.consumers().isEmpty()) {
            problem.setProperty("consumers", refusal.consumers().stream().map(ConsumerBody::of).toList());
        }
        if (refusal.field() != null) {
            problem.setProperty("errors", List.of(new Problems.FieldError(refusal.field(), refusal.getMessage())));
        }
        return problem;
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ConsumerBody(String environment, String project, String via, @JsonProperty("package") String pkg) {

        static ConsumerBody of(Consumer consumer) {
            return new ConsumerBody(consumer.environment().value(), consumer.project().value(), consumer.via(),
                    consumer.pkg() == null ? null : consumer.pkg().value());
        }
    }

    /** Aggregate ids are {@code organization/project}; only the project is the caller's to see. */
    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException exception) {
        counted("not-found");
        String id = String.valueOf(exception.getAggregateIdentifier());
        String project = id.substring(id.indexOf('/') + 1);
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "Project " + project + " does not exist.");
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ProblemDetail alreadyExists(AggregateStreamCreationException exception) {
        counted("already-exists");
        return Problems.of(HttpStatus.CONFLICT, "already-exists", "Already exists",
                "A project with this abbreviation already exists.");
    }

    /**
     * Lost races, still lost after the command was run again a few times: two commands appended to one project at
     * once, or the database chose this transaction as the victim of a deadlock or a lock timeout. Nothing was
     * recorded; the client may retry.
     */
    @ExceptionHandler({ConcurrencyException.class, ConcurrencyFailureException.class})
    ProblemDetail concurrentChange(RuntimeException exception) {
        counted("concurrent-modification");
        log.info("Concurrent modification refused: {}", exception.getMessage());
        return lostRace();
    }

    /**
     * The database failed under the command: a constraint it broke is a defect (a 500, see below), a race lost on
     * the database's side is a 409 like any other; anything else (the connection broke, the server is restarting, a
     * statement ran or waited longer than a command may, behind a rebuild of the catalog say) is a 503 with
     * {@code Retry-After}. The command may or may not have been recorded, so the client repeats it, with the same
     * {@code Idempotency-Key} if it sent one: a 5xx does not keep the key.
     */
    @ExceptionHandler({EventStoreException.class, JdbcException.class, CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            QueryTimeoutException.class})
    ResponseEntity<ProblemDetail> storeFailure(RuntimeException exception, HttpServletRequest request) {
        if (ConstraintViolation.in(exception).filter(violation -> !violation.isSequenceConflict()).isPresent()) {
            return brokenConstraint(exception, request);
        }
        if (LostRace.is(exception)) {
            log.info("Concurrent modification refused: {}", exception.getMessage());
            counted("concurrent-modification");
            return ResponseEntity.status(HttpStatus.CONFLICT).body(lostRace());
        }
        log.warn("Command failed in the database, answered 503: {}", exception.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Event store unavailable",
                        "The database could not be used; the command may not have been recorded. Repeat it, with "
                                + "the same Idempotency-Key if it had one."));
    }

    /**
     * A command broke a constraint of the database other than the event store's sequence key (a key of the catalog,
     * say): not a race, and running it again would break it again. Its transaction was rolled back whole, so it
     * recorded nothing. A defect: logged with the request's correlation id, which the answer names too.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> brokenConstraint(RuntimeException exception, HttpServletRequest request) {
        String correlationId = CorrelationIdFilter.of(request);
        log.error("Command of request {} broke a constraint of the database, which is no race ({}); nothing was "
                + "recorded", correlationId, ConstraintViolation.in(exception).map(Object::toString)
                .orElse(exception.getClass().getSimpleName()), exception);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The command failed unexpectedly and recorded nothing; the log has the details under its "
                        + "correlation id.");
        problem.setProperty("correlationId", correlationId);
        return ResponseEntity.internalServerError().body(problem);
    }

    /** A command that ran longer than it may was rolled back: the client may repeat it as it is. */
    @ExceptionHandler(CommandTimedOut.class)
    ResponseEntity<ProblemDetail> timedOut(CommandTimedOut exception) {
        log.warn("{}; answered 503", exception.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Event store unavailable",
                        "The command took longer than it may and was rolled back: nothing was recorded. Repeat it."));
    }

    /** Refusals by problem type, for dashboards: {@code infrashare.commands.refused}. */
    private void counted(String type) {
        meters.counter("infrashare.commands.refused", "type", type).increment();
    }

    private static ProblemDetail lostRace() {
        return Problems.of(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
                "Another request changed the same thing at the same time and nothing was recorded; retry.");
    }
}

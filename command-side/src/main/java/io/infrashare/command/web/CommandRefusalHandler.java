package io.infrashare.command.web;

import io.infrashare.command.project.CommandRefusedException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.infrashare.support.Problems;

/** Turns refused commands into problems; the stable {@code type} comes from the refusal's code. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandRefusalHandler {

    private static final Logger log = LoggerFactory.getLogger(CommandRefusalHandler.class);

    @ExceptionHandler(CommandRefusedException.class)
    ProblemDetail refused(CommandRefusedException refusal) {
        log.info("Command refused ({}): {}", refusal.code().type(), refusal.getMessage());
        return Problems.of(HttpStatusCode.valueOf(refusal.code().status()), refusal.code().type(),
                refusal.code().title(), refusal.getMessage());
    }

    /** Aggregate ids are {@code organization/project}; only the project is the caller's to see. */
    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException exception) {
        String id = String.valueOf(exception.getAggregateIdentifier());
        String project = id.substring(id.indexOf('/') + 1);
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "Project " + project + " does not exist.");
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ProblemDetail alreadyExists(AggregateStreamCreationException exception) {
        return Problems.of(HttpStatus.CONFLICT, "already-exists", "Already exists",
                "A project with this abbreviation already exists.");
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrentChange(ConcurrencyException exception) {
        log.info("Concurrent modification refused: {}", exception.getMessage());
        return Problems.of(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
                "Another request changed the same project at the same time; retry.");
    }
}

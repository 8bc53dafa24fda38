package io.infrashare.command.dryrun;

import io.infrashare.support.CurrentCaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers an accepted dry run: 200 with what the command would record, whatever the real command answers, in a
 * media type of its own so that a client (and the OpenAPI document) tells it from the real answer.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DryRunAnswers {

    private static final Logger log = LoggerFactory.getLogger(DryRunAnswers.class);
    private static final MediaType DRY_RUN = MediaType.parseMediaType(DryRun.MEDIA_TYPE);

    @ExceptionHandler(AcceptedDryRun.class)
    ResponseEntity<DryRunBody> accepted(AcceptedDryRun accepted) {
        log.info("Dry run for {} accepted, recorded nothing; it would record {}", CurrentCaller.get().name(),
                accepted.wouldRecord().stream().map(WouldRecord::type).toList());
        return ResponseEntity.ok().contentType(DRY_RUN).body(new DryRunBody(accepted.wouldRecord()));
    }
}

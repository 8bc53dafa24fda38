package io.infrashare.query;

import io.infrashare.support.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Something the caller asked for does not exist in the caller's organization. Another organization's things answer
 * the same way, so nothing tells a caller what exists elsewhere.
 */
public class NotFound extends ErrorResponseException {

    public NotFound(String detail) {
        super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", detail), null);
    }
}

package io.infrashare.support;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the requests that end on the servlet container's error path as problems, instead of Spring Boot's
 * {@code {"status":999,"error":"None"}} echoing the path: refusals made before any controller ran (Spring Security's
 * firewall refusing {@code ;}, {@code //} or an encoded {@code %}), and the error path asked for directly, which is
 * not a resource of the API.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping(path = "${server.error.path:${error.path:/error}}", produces = MediaType.ALL_VALUE)
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (request.getDispatcherType() != DispatcherType.ERROR || !(code instanceof Integer)) {
            return answer(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no such resource."));
        }
        HttpStatusCode status = HttpStatusCode.valueOf((Integer) code);
        if (status.is5xxServerError()) {
            log.error("Request {} failed before it was handled",
                    request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                    (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
            return answer(Problems.of(status, "internal", "Internal error",
                    "The request failed unexpectedly; the log has the details."));
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return answer(Problems.of(status, Problems.typeOf(status), known == null ? "Refused" : known.getReasonPhrase(),
                "The request was refused before it was handled: its path or headers are not acceptable (a path "
                        + "may not hold ';', '//', '..' or an encoded '%', '/' or '.')."));
    }

    private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

package io.infrashare.support;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns every failure of the web layer into a problem with a stable type: malformed JSON and invalid fields name the
 * field, anything unexpected is a bare 500 whose details stay in the log. Runs after the services' own advice.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class RequestProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(RequestProblemHandler.class);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        // The body limit fails the read, which the converters report as an unreadable message.
        Optional<PayloadTooLargeException> tooLarge = PayloadTooLargeException.in(exception);
        if (tooLarge.isPresent()) {
            return payloadTooLarge(tooLarge.get());
        }
        Throwable cause = exception.getMostSpecificCause();
        ProblemDetail problem;
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = mapping instanceof UnrecognizedPropertyException ? "is not a known field"
                    : mapping instanceof InvalidFormatException ? "has the wrong type or format"
                    : mapping instanceof MismatchedInputException ? "has the wrong type"
                    : "is not valid";
            problem = Problems.invalid("Field '" + field + "' " + message + ".",
                    List.of(new Problems.FieldError(field, message)));
        } else {
            // the JSON may break inside a field (an unpaired surrogate escaped in a key, say): then name the field
            problem = (cause instanceof JsonProcessingException parsing ? where(parsing) : Optional.<String>empty())
                    .map(field -> Problems.invalid("Field '" + field + "' is not well-formed JSON.",
                            List.of(new Problems.FieldError(field, "is not well-formed JSON"))))
                    .orElseGet(() -> Problems.invalid("The body is missing or is not well-formed JSON.", List.of()));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    /** The field the parser was in when the JSON broke, as {@code attributes} or {@code labels}, if it was in one. */
    private static Optional<String> where(JsonProcessingException exception) {
        if (!(exception.getProcessor() instanceof JsonParser parser)) {
            return Optional.empty();
        }
        Deque<String> path = new ArrayDeque<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
             context = context.getParent()) {
            String name = context.getParent() != null && context.getParent().inObject()
                    ? context.getParent().getCurrentName() : null;
            if (context.getParent() != null && context.getParent().inArray()) {
                path.addFirst("[" + context.getParent().getCurrentIndex() + "]");
            } else if (name != null) {
                path.addFirst(name);
            }
        }
        return path.isEmpty() ? Optional.empty()
                : Optional.of(String.join(".", path).replace(".[", "["));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Problems.FieldError> errors = fieldErrors(exception.getBindingResult().getTarget(),
                exception.getBindingResult().getFieldErrors());
        String fields = errors.stream().map(Problems.FieldError::field).distinct().collect(Collectors.joining(", "));
        return ResponseEntity.badRequest().body(Problems.invalid("Invalid fields: " + fields + ".", errors));
    }

    private static List<Problems.FieldError> fieldErrors(Object target,
                                                         List<org.springframework.validation.FieldError> errors) {
        return errors.stream()
                .map(error -> new Problems.FieldError(jsonName(target, error.getField()), error.getDefaultMessage()))
                .sorted(Comparator.comparing(Problems.FieldError::field))
                .toList();
    }

    /** A path variable is named as in the path, which may differ from the Java parameter ({@code package}). */
    private static String parameterName(MethodParameter parameter) {
        PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
        if (variable != null && !variable.name().isEmpty()) {
            return variable.name();
        }
        return parameter.getParameterName();
    }

    /** Errors name the field as the client wrote it: a record component may be renamed with {@code @JsonProperty}. */
    private static String jsonName(Object target, String field) {
        if (target == null || !target.getClass().isRecord()) {
            return field;
        }
        return Arrays.stream(target.getClass().getRecordComponents())
                .filter(component -> component.getName().equals(field))
                .map(component -> component.getAnnotation(JsonProperty.class))
                .filter(Objects::nonNull)
                .map(JsonProperty::value)
                .findFirst()
                .orElse(field);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException exception,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<Problems.FieldError> errors = exception.getParameterValidationResults().stream()
                .flatMap(result -> result instanceof ParameterErrors body
                        ? fieldErrors(body.getArgument(), body.getFieldErrors()).stream()
                        : result.getResolvableErrors().stream().map(error -> new Problems.FieldError(
                                parameterName(result.getMethodParameter()), error.getDefaultMessage())))
                .toList();
        String fields = errors.stream().map(Problems.FieldError::field).distinct().collect(Collectors.joining(", "));
        return ResponseEntity.badRequest().body(Problems.invalid("Invalid parameters: " + fields + ".", errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException exception) {
        String field = exception.getName();
        return ResponseEntity.badRequest().body(Problems.invalid("Parameter '" + field + "' is not valid.",
                List.of(new Problems.FieldError(field, "is not valid"))));
    }

    /** An answer that could not be serialized; nothing of it was sent (see {@link BufferedJsonConverter}). */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotWritable(HttpMessageNotWritableException exception,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return unexpected(exception);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception exception) {
        Optional<PayloadTooLargeException> tooLarge = PayloadTooLargeException.in(exception);
        if (tooLarge.isPresent()) {
            return payloadTooLarge(tooLarge.get());
        }
        log.error("Request failed unexpectedly", exception);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "Internal error", "The request failed unexpectedly; the log has the details."));
    }

    private static ResponseEntity<Object> payloadTooLarge(PayloadTooLargeException exception) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(exception.problem());
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && URI.create("about:blank").equals(problem.getType())) {
            problem.setType(URI.create("/problems/" + Problems.typeOf(status)));
        }
        return super.createResponseEntity(body, headers, status, request);
    }
}

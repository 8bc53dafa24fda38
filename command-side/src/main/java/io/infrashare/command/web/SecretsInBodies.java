package io.infrashare.command.web;

import io.infrashare.support.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * No secret in a command's labels or attributes: every map of a body (labels, attributes) is checked as soon as the
 * body is read, each key against {@link SecretNames} and each string value against {@link SecretValues}, and a body
 * holding one is a 400 naming the entry ({@code attributes.dsn}) and the kind of secret, never the value. What a
 * command records goes into events, which are kept for ever and read by every consumer of the topic. Called by
 * {@link StoredTextInBodies} once the body's text is text the service keeps, so the keys it names are ones an answer
 * can hold.
 */
final class SecretsInBodies {

    private SecretsInBodies() {
    }

    /** Throws the 400 for a body with a secret in one of its maps. */
    static void check(Object body) {
        if (!(body instanceof Record record)) {
            return;
        }
        List<Problems.FieldError> errors = new ArrayList<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            if (StoredTextInBodies.read(component, record) instanceof Map<?, ?> map) {
                map.forEach((key, value) -> check(component.getName() + "." + key, key, value, errors));
            }
        }
        if (!errors.isEmpty()) {
            String fields = String.join(", ", errors.stream().map(Problems.FieldError::field).distinct().toList());
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.invalid("Secrets in: " + fields
                    + ". Labels and attributes are recorded in events, kept for ever and read by every consumer: "
                    + "keep a secret in a secret manager and record where it is instead (passwordSecretArn).",
                    errors), null);
        }
    }

    private static void check(String field, Object key, Object value, List<Problems.FieldError> errors) {
        if (key instanceof String name) {
            SecretNames.secretWord(name).ifPresent(word ->
                    errors.add(new Problems.FieldError(field, "is named like a secret (" + word + ")")));
        }
        // a longer value is refused anyway (docs/http-api.md, Limits), and is not worth the reading
        if (value instanceof String text && text.length() <= ResourceLimits.MAX_VALUE_LENGTH) {
            SecretValues.holds(text).ifPresent(kind -> errors.add(new Problems.FieldError(field, "holds " + kind)));
        }
    }
}

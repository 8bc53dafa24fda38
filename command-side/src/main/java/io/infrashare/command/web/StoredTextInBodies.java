package io.infrashare.command.web;

import io.infrashare.support.Problems;
import io.infrashare.support.StoredText;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every string of every command's body, at any depth, checked against {@link StoredText} as soon as the body is read,
 * before it is validated or becomes a command: a 400 naming each field that holds text the service would not keep
 * unchanged. A {@code name} component and every key of a map (labels, attributes) are names; other strings are text.
 * A body whose text the service keeps is then checked for secrets ({@link SecretsInBodies}), which may name its keys.
 */
@ControllerAdvice
class StoredTextInBodies extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converterType) {
        List<Problems.FieldError> errors = new ArrayList<>();
        check("", body, StoredText.Kind.TEXT, errors);
        if (!errors.isEmpty()) {
            String fields = String.join(", ", errors.stream().map(Problems.FieldError::field).distinct().toList());
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST,
                    Problems.invalid("Text the service cannot keep unchanged in: " + fields + ".", errors), null);
        }
        SecretsInBodies.check(body);
        return body;
    }

    private static void check(String path, Object value, StoredText.Kind kind, List<Problems.FieldError> errors) {
        if (value instanceof String text) {
            // the message never repeats the text: an unpaired surrogate would break the answer itself
            StoredText.problem(text, kind).ifPresent(problem -> errors.add(new Problems.FieldError(path, problem)));
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, entry) -> {
                Optional<String> keyProblem = key instanceof String text
                        ? StoredText.problem(text, StoredText.Kind.NAME) : Optional.empty();
                keyProblem.ifPresent(problem -> errors.add(new Problems.FieldError(path, "has a key that " + problem)));
                check(keyProblem.isPresent() ? path : child(path, String.valueOf(key)), entry, StoredText.Kind.TEXT,
                        errors);
            });
        } else if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                check(path + "[" + index++ + "]", item, kind, errors);
            }
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                check(child(path, component.getName()), read(component, record),
                        component.getName().equals("name") ? StoredText.Kind.NAME : StoredText.Kind.TEXT, errors);
            }
        }
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    static Object read(RecordComponent component, Record record) {
        Method accessor = component.getAccessor();
        try {
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component + " of a request body", e);
        }
    }
}

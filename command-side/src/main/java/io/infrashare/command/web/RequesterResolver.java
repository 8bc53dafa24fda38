package io.infrashare.command.web;

import io.infrashare.command.project.Requester;
import io.infrashare.support.Caller;
import io.infrashare.support.CorrelationIdFilter;
import io.infrashare.support.CurrentCaller;
import io.infrashare.support.Problems;
import io.infrashare.support.StoredText;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.util.List;

/**
 * Lets a controller method take the {@link Requester} every command carries: the caller, the {@code X-Reason}
 * they gave (at most 1,000 characters) and the request's correlation id.
 */
class RequesterResolver implements HandlerMethodArgumentResolver {

    static final String REASON_HEADER = "X-Reason";
    static final int MAX_REASON = 1000;

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Requester.class);
    }

    @Override
    public Requester resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
                                     NativeWebRequest request, WebDataBinderFactory binderFactory) {
        Caller caller = CurrentCaller.get();
        String reason = request.getHeader(REASON_HEADER);
        if (reason != null && reason.length() > MAX_REASON) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.invalid(
                    REASON_HEADER + " is longer than " + MAX_REASON + " characters.",
                    List.of(new Problems.FieldError(REASON_HEADER, "must be at most " + MAX_REASON + " characters"))),
                    null);
        }
        if (reason != null) {
            StoredText.problem(reason, StoredText.Kind.REASON).ifPresent(problem -> {
                throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.invalid(
                        REASON_HEADER + " " + problem + ".", List.of(new Problems.FieldError(REASON_HEADER, problem))),
                        null);
            });
        }
        String given = reason == null || reason.isBlank() ? null : reason.strip();
        return new Requester(caller, given,
                CorrelationIdFilter.of(request.getNativeRequest(HttpServletRequest.class)));
    }
}

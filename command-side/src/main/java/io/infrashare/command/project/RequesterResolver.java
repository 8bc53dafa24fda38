package io.infrashare.command.project;

import io.infrashare.command.web.PercentEncoding;
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
 * they gave (at most 1,000 characters, percent-encoded UTF-8) and the request's correlation id.
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
        HttpServletRequest servlet = request.getNativeRequest(HttpServletRequest.class);
        return new Requester(caller, reason(request.getHeader(REASON_HEADER)), CorrelationIdFilter.of(servlet),
                CorrelationIdFilter.clientReferenceOf(servlet));
    }

    /**
     * The reason as the caller wrote it, spaces, tabs and line breaks at its ends included (the audit log shows what
     * was given), or null for no header or an empty one. HTTP carries header values as bytes that servers read as
     * Latin-1, so text outside ASCII arrives percent-encoded as UTF-8 ({@code Z%C3%BCrich}); raw bytes outside ASCII
     * are refused rather than kept garbled. A {@code %} that does not start an escape of two hex digits stands for
     * itself.
     */
    static String reason(String header) {
        if (header == null || header.isEmpty()) {
            return null;
        }
        for (int i = 0; i < header.length(); i++) {
            if (header.charAt(i) > 0x7F) {
                throw refused("holds bytes outside ASCII; send text outside ASCII as percent-encoded UTF-8 "
                        + "(Zürich as Z%C3%BCrich)");
            }
        }
        String reason = PercentEncoding.decode(header)
                .orElseThrow(() -> refused("holds percent-escapes that are not UTF-8"));
        if (reason.codePointCount(0, reason.length()) > MAX_REASON) {
            throw refused("must be at most " + MAX_REASON + " characters");
        }
        StoredText.problem(reason, StoredText.Kind.REASON).ifPresent(problem -> {
            throw refused(problem);
        });
        return reason;
    }

    private static ErrorResponseException refused(String problem) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.invalid(REASON_HEADER + " " + problem + ".",
                List.of(new Problems.FieldError(REASON_HEADER, problem))), null);
    }
}

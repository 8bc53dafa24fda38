package io.infrashare.support;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.util.Optional;

/**
 * A request body read past the limit. It is an {@link IOException} because it surfaces from
 * {@code InputStream.read}, and arrives wrapped by whoever was reading (Spring's message converters, a filter), so
 * the handlers look for it among the causes.
 */
class PayloadTooLargeException extends IOException {

    private final DataSize limit;

    PayloadTooLargeException(DataSize limit) {
        super("The request body is larger than " + limit.toBytes() + " bytes");
        this.limit = limit;
    }

    static Optional<PayloadTooLargeException> in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PayloadTooLargeException tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }

    static ProblemDetail problem(DataSize limit) {
        return Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Payload too large",
                "The request body is larger than the limit of " + readable(limit) + ".");
    }

    ProblemDetail problem() {
        return problem(limit);
    }

    private static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes > 0 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes > 0 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}

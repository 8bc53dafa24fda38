package io.infrashare.query.log;

import io.infrashare.support.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The parameters of the log's endpoints: sizes and indexes of the log, and event ids; anything else is a 400. */
final class LogParameters {

    private static final Pattern NUMBER = Pattern.compile("0|[1-9][0-9]{0,18}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private LogParameters() {
    }

    /** A size of the log: an integer of at least 1. */
    static long size(String parameter, String value) {
        long size = number(parameter, value, "a positive integer");
        if (size < 1) {
            throw notA(parameter, value, "a positive integer");
        }
        return size;
    }

    /** An index or a size of the log that may be 0. */
    static long index(String parameter, String value) {
        return number(parameter, value, "a non-negative integer");
    }

    private static long number(String parameter, String value, String what) {
        if (value == null || !NUMBER.matcher(value).matches()) {
            throw notA(parameter, value, what);
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid(parameter, "is too large", "Parameter '" + parameter + "' is too large.");
        }
    }

    private static ErrorResponseException notA(String parameter, String value, String what) {
        return invalid(parameter, "must be " + what, "Parameter '" + parameter + "' must be " + what
                + (value == null ? "." : ", not '" + value + "'."));
    }

    /** An event's id, a UUID, as the log keeps it: lower case. */
    static String eventId(String value) {
        if (value == null || !UUID.matcher(value).matches()) {
            throw invalid("event", "must be an event id, a UUID", "Parameter 'event' must be an event id such as "
                    + "2f0c5b8e-7d3a-4e4b-9a61-0c2d7e8f9a10" + (value == null ? "." : ", not '" + value + "'."));
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /** A range of the log, {@code from} up to {@code to}: from may not come after to. */
    static void inOrder(long from, long to) {
        if (from > to) {
            throw invalid("from", "must not be greater than to", "Parameter 'from' must not be greater than 'to'.");
        }
    }

    private static ErrorResponseException invalid(String parameter, String message, String detail) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST,
                Problems.invalid(detail, List.of(new Problems.FieldError(parameter, message))), null);
    }
}

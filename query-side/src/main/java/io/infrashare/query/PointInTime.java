package io.infrashare.query;

import io.infrashare.events.OrganizationId;
import io.infrashare.support.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The {@code at} of a point-in-time query and the position of the organization's history it stands for.
 *
 * <p>The read models that answer {@code at} keep their rows as validity intervals of positions (V5, most of them
 * through a {@link ValidityTable}): a row is valid at position p when {@link #VALID_AT} holds. An instant becomes the position of the organization's last event that
 * occurred at or before it, so an answer is one indexed lookup whatever the length of the history, and two events
 * sharing a microsecond resolve to the later one. That position is also the answer's {@code X-Projection-Position}:
 * the answer reflects exactly the events up to it. This takes an organization's positions to follow the order of
 * its events' {@code occurredAt}, as the command side stamps and publishes them; should two events ever arrive out of
 * that order, the answer is the history up to the later-positioned one. The rows an answer reads were all written
 * by then and are never changed again below it, so unlike the live views it needs no consistent-read retry.
 */
@Component
public class PointInTime {

    /** The condition on a history row's interval, for a {@code :position} parameter. */
    public static final String VALID_AT =
            "valid_from_position <= :position and (valid_to_position is null or valid_to_position > :position)";

    private final JdbcClient jdbc;

    PointInTime(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The earliest instant a query may name: the first year ISO-8601 writes with four digits. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    /** The latest instant a query may name, at the microsecond precision of {@code occurredAt}. */
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    private static final String RANGE = "is not an ISO-8601 instant between " + EARLIEST + " and " + LATEST;

    /** The {@code at} of a query; see {@link #parse(String, String)}. */
    public static Instant parse(String at) {
        return parse("at", at);
    }

    /**
     * An ISO-8601 date-time with an offset ({@code 2026-11-23T10:15:30.123456Z}) between {@link #EARLIEST} and
     * {@link #LATEST}, truncated to microseconds: the precision of {@code occurredAt}, so that comparing the truncated
     * instant is comparing the given one. Anything else is a 400 naming the parameter.
     */
    public static Instant parse(String parameter, String value) {
        Instant instant = null;
        try {
            instant = OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            // a year past what java.time holds is out of range as much as one past 9999
        }
        if (instant == null || instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.invalid(
                    "'" + value + "' is not an ISO-8601 instant such as 2026-11-23T10:15:30.123456Z between "
                            + EARLIEST + " and " + LATEST + ".",
                    List.of(new Problems.FieldError(parameter, RANGE))), null);
        }
        return instant;
    }

    /** The position of the organization's last event with {@code occurredAt <= at}, 0 if there is none. */
    public long positionAt(OrganizationId organization, Instant at) {
        return jdbc.sql("""
                        select coalesce(max(position), 0) from applied_event
                        where organization = :organization and occurred_at <= :at""")
                .param("organization", organization.value())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    /**
     * When the organization's event at the position occurred, empty before its first: the instant a view of exactly
     * the history up to that position is as of, which {@link #positionAt} turns back into the same position.
     */
    public Optional<Instant> occurredAt(OrganizationId organization, long position) {
        return jdbc.sql("""
                        select occurred_at from applied_event
                        where organization = :organization and position = :position""")
                .param("organization", organization.value())
                .param("position", position)
                .query((row, number) -> row.getObject("occurred_at", OffsetDateTime.class).toInstant())
                .optional();
    }
}

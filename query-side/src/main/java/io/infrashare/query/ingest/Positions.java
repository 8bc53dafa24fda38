package io.infrashare.query.ingest;

import io.infrashare.events.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.function.LongFunction;

/**
 * Each organization's position: how many of its events have been applied. Numbering events here rather than using
 * Kafka offsets keeps positions dense and independent of partitions, so a rebuilt side numbers the same history the
 * same way.
 */
@Component
public class Positions {

    private static final int CONSISTENT_READ_ATTEMPTS = 5;

    private final JdbcClient jdbc;

    Positions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The position of the organization's last applied event, 0 before its first. */
    public long current(OrganizationId organization) {
        return jdbc.sql("select position from organization_position where organization = :organization")
                .param("organization", organization.value())
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    /**
     * Reads a view and the position it reflects. Under read committed each statement sees its own snapshot, so the
     * position is read before and after the view: when they agree, no event of the organization was applied in
     * between and the view is exactly that position's.
     * While events keep arriving the answer carries the lower position, which the view reflects at least.
     */
    public <T> T readConsistently(OrganizationId organization, LongFunction<T> read) {
        T answer;
        long before;
        long after;
        int attempts = 0;
        do {
            before = current(organization);
            answer = read.apply(before);
            after = current(organization);
        } while (before != after && ++attempts < CONSISTENT_READ_ATTEMPTS);
        return answer;
    }

    /**
     * Takes the organization's next {@code count} positions and returns the first of them. The update locks the
     * organization's row until the transaction ends, so two transactions of one organization cannot take the same
     * positions.
     */
    long take(OrganizationId organization, long count) {
        int updated = jdbc.sql("update organization_position set position = position + :count where organization = :organization")
                .param("count", count)
                .param("organization", organization.value())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into organization_position (organization, position) values (:organization, :count)")
                    .param("organization", organization.value())
                    .param("count", count)
                    .update();
        }
        return current(organization) - count + 1;
    }
}

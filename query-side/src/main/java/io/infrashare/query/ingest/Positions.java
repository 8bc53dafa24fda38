package io.infrashare.query.ingest;

import io.infrashare.events.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each organization's position: how many of its events have been applied. Numbering events here rather than using
 * Kafka offsets keeps positions dense and independent of partitions, so a rebuilt side numbers the same history the
 * same way.
 */
@Component
public class Positions {

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
     * Takes the organization's next position. The update locks the organization's row until the transaction ends,
     * so two transactions of one organization cannot take the same position.
     */
    long next(OrganizationId organization) {
        int updated = jdbc.sql("update organization_position set position = position + 1 where organization = :organization")
                .param("organization", organization.value())
                .update();
        if (updated == 0) {
            jdbc.sql("insert into organization_position (organization, position) values (:organization, 1)")
                    .param("organization", organization.value())
                    .update();
        }
        return current(organization);
    }
}

package io.infrashare.query.resource;

import io.infrashare.events.ResourceShareRevoked;
import io.infrashare.events.ResourceShared;
import io.infrashare.query.ingest.AppliedEvent;
import io.infrashare.query.ingest.Projection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Which projects may use each resource now, who granted it and since when. */
@Component
class ShareReadModel implements Projection {

    private final JdbcClient jdbc;

    ShareReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(AppliedEvent applied) {
        if (applied.event() instanceof ResourceShared event) {
            on(event);
        } else if (applied.event() instanceof ResourceShareRevoked event) {
            on(event);
        }
    }

    void on(ResourceShared event) {
        jdbc.sql("""
                        insert into resource_share (organization, resource, project, granted_by, since)
                        values (:organization, :resource, :project, :grantedBy, :since)""")
                .param("organization", event.organization().value())
                .param("resource", event.resource().toString())
                .param("project", event.sharedWith().value())
                .param("grantedBy", event.provenance().actor())
                .param("since", OffsetDateTime.ofInstant(event.provenance().occurredAt(), ZoneOffset.UTC))
                .update();
    }

    void on(ResourceShareRevoked event) {
        jdbc.sql("""
                        delete from resource_share
                        where organization = :organization and resource = :resource and project = :project""")
                .param("organization", event.organization().value())
                .param("resource", event.resource().toString())
                .param("project", event.sharedWith().value())
                .update();
    }
}

package io.infrashare.query.ingest;

/**
 * A read model that holds every event of the topic, those the other read models cannot apply included: the audit log.
 * When applying an event keeps failing, it alone is applied, with the record of the event and a mark that the other
 * read models did not apply it, so that the organization's stream goes on and its history has no gap.
 */
public interface EventLog extends Projection {
}

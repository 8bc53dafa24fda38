package io.infrashare.query.ingest;

import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.LogSeal;

import java.util.Objects;

/**
 * An event as read from the topic: its CloudEvents id, which may arrive more than once, the event, and what its record
 * says of its place in the organization's log.
 *
 * @param seal the record's seal; {@code null} for an event that did not come from the topic (a tool or a test applying
 *             events directly), which is applied without being logged
 */
public record IncomingEvent(String id, InfrashareEvent event, LogSeal seal) {

    public IncomingEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
    }

    /** An event that did not come from the topic, so has no place in a log. */
    public IncomingEvent(String id, InfrashareEvent event) {
        this(id, event, null);
    }
}

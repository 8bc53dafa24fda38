package io.infrashare.query.ingest;

import io.infrashare.events.InfrashareEvent;

import java.util.Objects;

/** An event as read from the topic: its CloudEvents id, which may arrive more than once, and the event. */
public record IncomingEvent(String id, InfrashareEvent event) {

    public IncomingEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(event, "event");
    }
}

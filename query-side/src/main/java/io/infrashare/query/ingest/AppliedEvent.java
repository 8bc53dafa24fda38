package io.infrashare.query.ingest;

import io.infrashare.events.InfrashareEvent;

/** An event being applied, with the position it takes in its organization's history. */
public record AppliedEvent(String id, long position, InfrashareEvent event) {
}

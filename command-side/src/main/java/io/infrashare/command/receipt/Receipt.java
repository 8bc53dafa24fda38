package io.infrashare.command.receipt;

import java.util.List;

/**
 * What a command answered, and the events it recorded, in the order they were stored: none for a command that
 * found nothing to change.
 */
public record Receipt<R>(R result, List<RecordedEvent> events) {

    public Receipt {
        events = List.copyOf(events);
    }
}

package io.infrashare.command.receipt;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One event a command recorded, as its answer names it: the id under which the event store keeps it, which is also
 * its CloudEvents {@code id} on the topic and its {@code eventId} in the query side's audit log, so that an auditor
 * can ask for its inclusion in the history later.
 */
@Schema(name = "RecordedEvent", requiredProperties = {"id", "type"},
        description = "An event the command recorded: its id in the event store, on the topic (the CloudEvents id) "
                + "and in the audit log (eventId), and its type.")
public record RecordedEvent(
        @Schema(description = "The event's id, the same in the store, on the topic and in the audit log.")
        String id,
        @Schema(description = "The event's type, also its CloudEvents type, such as ResourceShared.")
        String type) {
}

package io.infrashare.command.receipt;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The answer of a command that has nothing to say but the events it recorded: a teardown, a revocation. */
@Schema(name = "Receipt", requiredProperties = "events",
        description = "The answer of a command that has nothing to return but the events it recorded.")
public record ReceiptBody(List<RecordedEvent> events) {

    public static ReceiptBody of(Receipt<?> receipt) {
        return new ReceiptBody(receipt.events());
    }
}

package io.infrashare.command.dryrun;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;

/** An event a dry run would have recorded, as its CloudEvent on the topic would carry it. */
@Schema(name = "WouldRecord", requiredProperties = {"type", "subject", "data"},
        description = "An event the command would record, as its CloudEvent on the topic would have it.")
record WouldRecord(
        @Schema(description = "The CloudEvents type, such as ResourceShareRevoked.")
        String type,
        @Schema(description = "The CloudEvents subject, such as environments/shop-pr1.")
        String subject,
        @Schema(implementation = Map.class,
                description = "The CloudEvents data: the event's JSON, as its schema revision on the topic has it.")
        JsonNode data) {
}

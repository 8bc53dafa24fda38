package io.infrashare.command.dryrun;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The answer to a dry run the rules accept. */
@Schema(name = "DryRun", requiredProperties = {"dryRun", "wouldRecord"},
        description = "The answer to a dry run (?dryRun=true) that every check accepted: what the command would "
                + "record, of which nothing was recorded.")
record DryRunBody(
        @Schema(description = "Always true: nothing was recorded.")
        boolean dryRun,
        @Schema(description = "The events the command would record, in the order it would store them; none when "
                + "it would change nothing.")
        List<WouldRecord> wouldRecord) {

    DryRunBody(List<WouldRecord> wouldRecord) {
        this(true, List.copyOf(wouldRecord));
    }
}

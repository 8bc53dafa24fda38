package io.infrashare.command.dryrun;

import java.util.List;

/**
 * A dry run that passed every check, thrown where its unit of work would have stored its events so that it rolls
 * back: it carries what would have been recorded to the caller, through the command bus as a command's failure, to
 * {@link DryRunAnswers}. No failure, so it has no stack trace.
 */
final class AcceptedDryRun extends RuntimeException {

    private final transient List<WouldRecord> wouldRecord;

    AcceptedDryRun(List<WouldRecord> wouldRecord) {
        super("A dry run, rolled back with " + wouldRecord.size() + " event(s) it would record", null, false, false);
        this.wouldRecord = List.copyOf(wouldRecord);
    }

    List<WouldRecord> wouldRecord() {
        return wouldRecord;
    }
}

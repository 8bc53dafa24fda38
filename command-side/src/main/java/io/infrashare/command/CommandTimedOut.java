package io.infrashare.command;

import java.time.Duration;

/** A command that ran longer than it may and was rolled back: nothing of it was recorded. */
public class CommandTimedOut extends RuntimeException {

    public CommandTimedOut(String command, Duration took, Duration timeout) {
        super("Command " + command.substring(command.lastIndexOf('.') + 1) + " took " + took.toMillis()
                + " ms, longer than " + timeout.toMillis() + " ms, and was rolled back");
    }
}

package io.infrashare.command.project;

/** A command broke a rule, named an unknown id or came from a caller who may not send it. Nothing was recorded. */
public class CommandRefusedException extends RuntimeException {

    private final RefusalCode code;

    public CommandRefusedException(RefusalCode code, String detail) {
        super(detail);
        this.code = code;
    }

    public RefusalCode code() {
        return code;
    }

    static CommandRefusedException notFound(String what) {
        return new CommandRefusedException(RefusalCode.NOT_FOUND, what + " does not exist.");
    }
}

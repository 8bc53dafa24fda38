package io.infrashare.command.project;

import java.util.List;

/** A command broke a rule, named an unknown id or came from a caller who may not send it. Nothing was recorded. */
public class CommandRefusedException extends RuntimeException {

    private final RefusalCode code;
    private final List<Consumer> consumers;

    public CommandRefusedException(RefusalCode code, String detail) {
        this(code, detail, List.of());
    }

    public CommandRefusedException(RefusalCode code, String detail, List<Consumer> consumers) {
        super(detail);
        this.code = code;
        this.consumers = List.copyOf(consumers);
    }

    public RefusalCode code() {
        return code;
    }

    /** The consumers that caused the refusal, for refusals of rules 5 and 6; otherwise empty. */
    public List<Consumer> consumers() {
        return consumers;
    }

    static CommandRefusedException notFound(String what) {
        return new CommandRefusedException(RefusalCode.NOT_FOUND, what + " does not exist.");
    }
}

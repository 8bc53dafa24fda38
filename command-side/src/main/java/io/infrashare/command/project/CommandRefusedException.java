package io.infrashare.command.project;

import java.util.List;

/** A command broke a rule, named an unknown id or came from a caller who may not send it. Nothing was recorded. */
public class CommandRefusedException extends RuntimeException {

    private final RefusalCode code;
    private final List<Consumer> consumers;
    private final String field;

    public CommandRefusedException(RefusalCode code, String detail) {
        this(code, detail, List.of());
    }

    public CommandRefusedException(RefusalCode code, String detail, List<Consumer> consumers) {
        this(code, detail, consumers, null);
    }

    private CommandRefusedException(RefusalCode code, String detail, List<Consumer> consumers, String field) {
        super(detail);
        this.code = code;
        this.consumers = List.copyOf(consumers);
        this.field = field;
    }

    /** Input that only the project can judge invalid, such as a merge that would leave too many attributes. */
    static CommandRefusedException invalid(String field, String detail) {
        return new CommandRefusedException(RefusalCode.INVALID, detail, List.of(), field);
    }

    public RefusalCode code() {
        return code;
    }

    /** The consumers that caused the refusal, for refusals of rules 5 and 6; otherwise empty. */
    public List<Consumer> consumers() {
        return consumers;
    }

    /** The request field an invalid input refusal is about; otherwise {@code null}. */
    public String field() {
        return field;
    }

    static CommandRefusedException notFound(String what) {
        return new CommandRefusedException(RefusalCode.NOT_FOUND, what + " does not exist.");
    }
}

package io.infrashare.query.log;

/** A checkpoint this side does not keep, and why. The message is for the log: it may quote the record. */
class CheckpointRefused extends RuntimeException {

    private final Reason reason;
    private final Long size;

    CheckpointRefused(Reason reason, String message) {
        this(reason, null, message);
    }

    private CheckpointRefused(Reason reason, Long size, String message) {
        super(message);
        this.reason = reason;
        this.size = size;
    }

    /** A signed checkpoint of this size whose root is not that of this side's log. */
    static CheckpointRefused fork(long size, String message) {
        return new CheckpointRefused(Reason.FORK, size, message);
    }

    Reason reason() {
        return reason;
    }

    /** The size of a fork's checkpoint; null for other refusals. */
    Long size() {
        return size;
    }

    /** Categories, for the counter's tag and health, which must not echo what a record holds. */
    enum Reason {
        /** Not the JSON of a checkpoint, or a note or checkpoint that cannot be read. */
        MALFORMED("malformed"),
        /** No trusted key signed it, a trusted key's signature does not verify, or it is of another log. */
        UNVERIFIED("unverified"),
        /** What the record says beside the note does not agree with the note. */
        MISMATCHED("mismatched"),
        /** Signed, but its root is not the one this side's own log has at that size. */
        FORK("fork");

        private final String tag;

        Reason(String tag) {
            this.tag = tag;
        }

        String tag() {
            return tag;
        }
    }
}

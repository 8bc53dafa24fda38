package io.infrashare.transparency;

/**
 * One thing wrong with an export or its checkpoints, in the words of whoever audits it. {@code first} and
 * {@code last} are the log indexes it concerns (for a checkpoint: its size both), -1 when it concerns none.
 */
public record Finding(Kind kind, long first, long last, String message) {

    public enum Kind {
        /** Entries that do not produce the signed roots, or a line that is not the canonical form it was logged in. */
        EDITED,
        /** A log index the export skips. */
        DELETED,
        /** A line the log never held: a repeated log index or event id, an index out of sequence, another log's. */
        INSERTED,
        /** Entries of the log in another order than their indexes. */
        REORDERED,
        /** The export ends before the size a signed checkpoint gives the log. */
        TRUNCATED,
        /** A checkpoint no known key signed, or whose note is malformed or disagrees with what it is listed as. */
        UNSIGNED_CHECKPOINT,
        /** A checkpoint of another log. */
        FOREIGN_CHECKPOINT,
        /** Two signed checkpoints of the same size with different roots. */
        FORK,
        /** A signed checkpoint that the log of a later one does not extend, or a size that shrinks. */
        INCONSISTENT_CHECKPOINT,
        /** Nothing signed to check the export against. */
        NO_CHECKPOINT
    }

    static Finding at(Kind kind, long index, String message) {
        return new Finding(kind, index, index, message);
    }

    static Finding of(Kind kind, String message) {
        return new Finding(kind, -1, -1, message);
    }
}

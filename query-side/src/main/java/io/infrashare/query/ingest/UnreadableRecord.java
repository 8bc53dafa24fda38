package io.infrashare.query.ingest;

/**
 * A record this side cannot understand. Retrying cannot help, so it goes to the dead-letter topic at once and the
 * records behind it go on.
 */
class UnreadableRecord extends RuntimeException {

    UnreadableRecord(String message) {
        super(message);
    }

    UnreadableRecord(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.infrashare.events;

/**
 * A record that is not an event of this contract as {@link EventCodec} writes them: a header missing or wrong, an
 * unknown type, a value that is not the type's JSON, or an organization the key and the header do not agree on.
 * Reading it again cannot help.
 */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}

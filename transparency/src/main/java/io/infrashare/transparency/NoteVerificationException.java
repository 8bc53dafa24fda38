package io.infrashare.transparency;

/** A well-formed note that no known key signed, or whose signature by a known key does not verify. */
public class NoteVerificationException extends RuntimeException {

    public NoteVerificationException(String message) {
        super(message);
    }
}

package io.infrashare.transparency;

/** A note or checkpoint that does not follow its format: refused before any signature is looked at. */
public class MalformedNoteException extends IllegalArgumentException {

    public MalformedNoteException(String message) {
        super(message);
    }
}

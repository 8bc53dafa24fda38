package io.infrashare.transparency;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * A C2SP signed note: a text ending in a newline, a blank line, then one signature line per key,
 * {@code — <key name> <base64(key id || signature)>}. {@link #verify} accepts a note only if a known key signed it,
 * ignores the signatures of unknown keys (so a key can be rotated, and others can cosign) and refuses a note that
 * a known key's signature does not fit.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

    private static final String SIGNATURE_PREFIX = "\u2014 ";

    public SignedNote {
        checkText(text);
        signatures = List.copyOf(signatures);
    }

    /** One signature line: the key's name and id, and the signature bytes after the id. */
    public record NoteSignature(String name, int keyId, byte[] signature) {

        String line() {
            byte[] idAndSignature = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
            return SIGNATURE_PREFIX + name + " " + Base64.getEncoder().encodeToString(idAndSignature) + "\n";
        }

        static NoteSignature parse(String line) {
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw new MalformedNoteException("not a signature line: " + line);
            }
            String[] nameAndSignature = line.substring(SIGNATURE_PREFIX.length()).split(" ", -1);
            if (nameAndSignature.length != 2) {
                throw new MalformedNoteException("not a signature line: " + line);
            }
            byte[] idAndSignature;
            try {
                NoteKeys.checkName(nameAndSignature[0]);
                idAndSignature = NoteKeys.base64(nameAndSignature[1]);
            } catch (IllegalArgumentException e) {
                throw new MalformedNoteException("not a signature line: " + line);
            }
            if (idAndSignature.length < 5) {
                throw new MalformedNoteException("a signature too short: " + line);
            }
            return new NoteSignature(nameAndSignature[0], ByteBuffer.wrap(idAndSignature).getInt(),
                    Arrays.copyOfRange(idAndSignature, 4, idAndSignature.length));
        }
    }

    /** The text signed by each signer in turn. */
    public static SignedNote sign(String text, NoteSigner... signers) {
        SignedNote note = new SignedNote(text, List.of());
        for (NoteSigner signer : signers) {
            note = note.signedAlsoBy(signer);
        }
        return note;
    }

    /** This note with one more signature line, after those it has. */
    public SignedNote signedAlsoBy(NoteSigner signer) {
        List<NoteSignature> more = new ArrayList<>(signatures);
        more.add(NoteSignature.parse(SIGNATURE_PREFIX + signer.name() + " " + signer.sign(text)));
        return new SignedNote(text, more);
    }

    /** Reads a whole note; the text ends at the last blank line, and at least one signature line follows it. */
    public static SignedNote parse(String message) {
        if (!message.endsWith("\n")) {
            throw new MalformedNoteException("a note ends with a newline");
        }
        int blankLine = message.lastIndexOf("\n\n");
        if (blankLine < 0) {
            throw new MalformedNoteException("a note has a blank line before its signatures");
        }
        String text = message.substring(0, blankLine + 1);
        String[] lines = message.substring(blankLine + 2).split("\n");
        List<NoteSignature> signatures = new ArrayList<>();
        for (String line : lines) {
            signatures.add(NoteSignature.parse(line));
        }
        if (signatures.isEmpty()) {
            throw new MalformedNoteException("a note has at least one signature");
        }
        return new SignedNote(text, signatures);
    }

    /** The note as it is written: text, blank line, signature lines. */
    public String message() {
        StringBuilder message = new StringBuilder(text).append('\n');
        signatures.forEach(signature -> message.append(signature.line()));
        return message.toString();
    }

    /**
     * The known keys whose signatures this note carries, all verified; refuses the note if none of the known keys
     * signed it, or if the signature of a known key (same name and key id) does not verify.
     */
    public List<NoteVerifier> verify(Collection<NoteVerifier> knownKeys) {
        List<NoteVerifier> verifiedBy = new ArrayList<>();
        for (NoteSignature signature : signatures) {
            for (NoteVerifier key : knownKeys) {
                if (key.name().equals(signature.name()) && key.keyId() == signature.keyId()) {
                    if (!key.verifies(text, signature.signature())) {
                        throw new NoteVerificationException("the signature of " + key.name() + " does not verify");
                    }
                    verifiedBy.add(key);
                }
            }
        }
        if (verifiedBy.isEmpty()) {
            throw new NoteVerificationException("no known key signed the note");
        }
        return verifiedBy;
    }

    private static void checkText(String text) {
        if (!text.endsWith("\n")) {
            throw new MalformedNoteException("a note's text ends with a newline");
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new MalformedNoteException("a note's text holds no control characters but newlines");
        }
        if (text.codePoints().anyMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
            throw new MalformedNoteException("a note's text is valid UTF-8");
        }
    }
}

package io.infrashare.transparency;

import java.util.Base64;
import java.util.Collection;

/**
 * The body of a C2SP tlog-checkpoint: the log's origin, its tree size in decimal and its RFC 6962 root hash in base64,
 * each followed by a newline. Ours carry no extension lines, and reading refuses them.
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {

    public Checkpoint {
        if (origin.isEmpty() || origin.contains("\n")) {
            throw new MalformedNoteException("a checkpoint's origin is one non-empty line");
        }
        if (size < 0) {
            throw new MalformedNoteException("a tree size is not negative");
        }
        if (rootHash.length != 32) {
            throw new MalformedNoteException("a root hash has 32 bytes, not " + rootHash.length);
        }
        rootHash = rootHash.clone();
    }

    public String body() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    public SignedNote sign(NoteSigner... signers) {
        return SignedNote.sign(body(), signers);
    }

    public static Checkpoint parse(String body) {
        String[] lines = body.split("\n", -1);
        if (lines.length != 4 || !lines[3].isEmpty()) {
            throw new MalformedNoteException("a checkpoint is three lines, each ending in a newline");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new MalformedNoteException("a tree size is decimal without leading zeros: " + lines[1]);
        }
        byte[] rootHash;
        try {
            rootHash = NoteKeys.base64(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new MalformedNoteException("a root hash is base64: " + lines[2]);
        }
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), rootHash);
    }

    /** The checkpoint of a signed note that a known key signed, whose origin is the one expected. */
    public static Checkpoint open(String note, String expectedOrigin, Collection<NoteVerifier> knownKeys) {
        SignedNote signed = SignedNote.parse(note);
        signed.verify(knownKeys);
        Checkpoint checkpoint = parse(signed.text());
        if (!checkpoint.origin().equals(expectedOrigin)) {
            throw new NoteVerificationException("the checkpoint is of " + checkpoint.origin() + ", not " + expectedOrigin);
        }
        return checkpoint;
    }
}

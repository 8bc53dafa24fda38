package io.infrashare.transparency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;

/** An Ed25519 public key under a name, read from a C2SP verifier key {@code <name>+<hex id>+<base64(0x01 || key)>}. */
public final class NoteVerifier {

    private final String name;
    private final int keyId;
    private final PublicKey publicKey;
    private final String verifierKey;

    private NoteVerifier(String name, int keyId, PublicKey publicKey, String verifierKey) {
        this.name = name;
        this.keyId = keyId;
        this.publicKey = publicKey;
        this.verifierKey = verifierKey;
    }

    /** Reads a verifier key, refusing one that is malformed, not Ed25519, or whose id is not that of its key. */
    public static NoteVerifier parse(String verifierKey) {
        String[] parts = verifierKey.split("\\+", 3);
        if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("not a verifier key: " + verifierKey);
        }
        String name = NoteKeys.checkName(parts[0]);
        byte[] typeAndKey = NoteKeys.base64(parts[2]);
        if (typeAndKey.length != 33 || typeAndKey[0] != NoteKeys.ED25519) {
            throw new IllegalArgumentException("not an Ed25519 verifier key: " + verifierKey);
        }
        byte[] rawKey = Arrays.copyOfRange(typeAndKey, 1, 33);
        int keyId = NoteKeys.keyId(name, rawKey);
        if (!NoteKeys.hex(keyId).equals(parts[1])) {
            throw new IllegalArgumentException("the key id " + parts[1] + " is not that of the key");
        }
        return new NoteVerifier(name, keyId, NoteKeys.publicKey(rawKey), verifierKey);
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    public String verifierKey() {
        return verifierKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    boolean verifies(String text, byte[] signature) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(publicKey);
            ed25519.update(text.getBytes(StandardCharsets.UTF_8));
            return ed25519.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return verifierKey;
    }
}

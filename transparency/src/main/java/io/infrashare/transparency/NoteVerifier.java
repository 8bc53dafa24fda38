package io.infrashare.transparency;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/** An Ed25519 public key under a name, read from a C2SP verifier key {@code <name>+<hex id>+<base64(0x01 || key)>}. */
public final class NoteVerifier {

    private final String name;
    private final int keyId;
    private final byte[] publicKey;
    private final String verifierKey;

    private NoteVerifier(String name, int keyId, byte[] publicKey, String verifierKey) {
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
        if (!Ed25519.validatePublicKeyFull(rawKey, 0)) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + verifierKey);
        }
        int keyId = NoteKeys.keyId(name, rawKey);
        if (!NoteKeys.hex(keyId).equals(parts[1])) {
            throw new IllegalArgumentException("the key id " + parts[1] + " is not that of the key");
        }
        return new NoteVerifier(name, keyId, rawKey, verifierKey);
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

    /** The raw 32-byte Ed25519 public key. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The public key as a JWK's {@code x}: base64url without padding (RFC 8037). */
    public String jwkX() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(publicKey);
    }

    /** The key id in the hex form of the verifier key. */
    public String hexKeyId() {
        return NoteKeys.hex(keyId);
    }

    boolean verifies(String text, byte[] signature) {
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        return signature.length == Ed25519.SIGNATURE_SIZE
                && Ed25519.verify(signature, 0, publicKey, 0, message, 0, message.length);
    }

    @Override
    public String toString() {
        return verifierKey;
    }
}

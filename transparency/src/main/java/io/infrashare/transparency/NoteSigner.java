package io.infrashare.transparency;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * An Ed25519 key that signs notes under a name, as C2SP signed-note specifies. Its private key is the 32-byte
 * RFC 8032 seed; {@link #privateKey()} writes it in the {@code PRIVATE+KEY+<name>+<id>+<base64>} form of Go's
 * {@code golang.org/x/mod/sumdb/note}, so keys move between the two.
 */
public final class NoteSigner {

    private static final String PRIVATE_KEY_PREFIX = "PRIVATE+KEY+";

    private final String name;
    private final byte[] seed;
    private final byte[] publicKey;
    private final int keyId;

    private NoteSigner(String name, byte[] seed) {
        this.name = NoteKeys.checkName(name);
        if (seed.length != 32) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes, not " + seed.length);
        }
        this.seed = seed.clone();
        this.publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(this.seed, 0, publicKey, 0);
        this.keyId = NoteKeys.keyId(name, publicKey);
    }

    public static NoteSigner fromSeed(String name, byte[] seed) {
        return new NoteSigner(name, seed);
    }

    public static NoteSigner generate(String name) {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return new NoteSigner(name, seed);
    }

    /** Reads {@code PRIVATE+KEY+<name>+<hex id>+<base64(0x01 || seed)>}, refusing a key whose id does not match. */
    public static NoteSigner parse(String privateKey) {
        if (!privateKey.startsWith(PRIVATE_KEY_PREFIX)) {
            throw new IllegalArgumentException("not a signer key");
        }
        String[] parts = privateKey.substring(PRIVATE_KEY_PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a signer key");
        }
        byte[] typeAndSeed;
        try {
            typeAndSeed = NoteKeys.base64(parts[2]);
        } catch (IllegalArgumentException e) {
            // not the reason NoteKeys gives, which quotes the text: the text is a secret
            throw new IllegalArgumentException("not a signer key: its key is not canonical base64");
        }
        if (typeAndSeed.length != 33 || typeAndSeed[0] != NoteKeys.ED25519) {
            throw new IllegalArgumentException("not an Ed25519 signer key");
        }
        NoteSigner signer = new NoteSigner(parts[0], Arrays.copyOfRange(typeAndSeed, 1, 33));
        if (!NoteKeys.hex(signer.keyId).equals(parts[1])) {
            throw new IllegalArgumentException("the key id " + parts[1] + " is not that of the key");
        }
        return signer;
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    public String privateKey() {
        return PRIVATE_KEY_PREFIX + name + "+" + NoteKeys.hex(keyId) + "+" + typeAndKey(seed);
    }

    /** {@code <name>+<hex key id>+<base64(0x01 || public key)>}, what verifiers are given. */
    public String verifierKey() {
        return name + "+" + NoteKeys.hex(keyId) + "+" + typeAndKey(publicKey);
    }

    public NoteVerifier verifier() {
        return NoteVerifier.parse(verifierKey());
    }

    /**
     * The signature line's base64 part: the key id then the Ed25519 signature of the note text. Ed25519 signatures
     * are deterministic, so Bouncy Castle's, used here for speed, are byte for byte those of the JDK or of Go.
     */
    String sign(String text) {
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, message, 0, message.length, signature, 0);
        return Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array());
    }

    private static String typeAndKey(byte[] key) {
        return Base64.getEncoder().encodeToString(
                ByteBuffer.allocate(1 + key.length).put(NoteKeys.ED25519).put(key).array());
    }
}

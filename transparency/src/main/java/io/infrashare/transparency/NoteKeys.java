package io.infrashare.transparency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

/** What signer and verifier share in C2SP signed-note: the Ed25519 algorithm byte, key names and key ids. */
final class NoteKeys {

    static final byte ED25519 = 0x01;

    private NoteKeys() {
    }

    /** {@code SHA-256(name || 0x0A || 0x01 || public key)[:4]} as a big-endian unsigned int. */
    static int keyId(String name, byte[] publicKey) {
        var sha256 = MerkleTree.sha256();
        sha256.update(name.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
        sha256.update(ED25519);
        return ByteBuffer.wrap(sha256.digest(publicKey)).getInt();
    }

    static String hex(int keyId) {
        return HexFormat.of().toHexDigits(keyId);
    }

    /** Key names are non-empty and hold no spaces, no plus and no control characters. */
    static String checkName(String name) {
        if (name.isEmpty() || name.chars().anyMatch(c -> c == '+' || Character.isWhitespace(c)
                || Character.isSpaceChar(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("not a key name: '" + name + "'");
        }
        return name;
    }

    /** Standard base64 with its padding, refusing any other spelling of the same bytes. */
    static byte[] base64(String text) {
        byte[] bytes = Base64.getDecoder().decode(text);
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException("not canonical base64: " + text);
        }
        return bytes;
    }
}

package io.infrashare.transparency;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The keys a log publishes ({@code GET /audit/keys}): {@code {"keys":[{"kty":"OKP","crv":"Ed25519","kid":...,
 * "x":...,"verifierKey":...}]}}, active and retired. The verifier key is what is trusted; its JWK fields are read
 * too, and a set where they name another key is refused, as one of the two was altered.
 */
public final class PublishedKeys {

    private PublishedKeys() {
    }

    /** Refuses JSON that is not a key set ({@link IllegalArgumentException}) or that contradicts itself. */
    public static List<NoteVerifier> parse(byte[] json) {
        JsonNode keys = PublishedLists.array(json, "keys");
        List<NoteVerifier> verifiers = new ArrayList<>();
        for (JsonNode key : keys) {
            NoteVerifier verifier = NoteVerifier.parse(text(key, "verifierKey"));
            checkAgrees(key, verifier);
            verifiers.add(verifier);
        }
        return verifiers;
    }

    private static void checkAgrees(JsonNode key, NoteVerifier verifier) {
        String which = "the key " + verifier.name() + "+" + NoteKeys.hex(verifier.keyId());
        if (!"OKP".equals(text(key, "kty")) || !"Ed25519".equals(text(key, "crv"))) {
            throw new RefusedKeysException(which + " is not listed as an Ed25519 key (kty OKP, crv Ed25519)");
        }
        if (!NoteKeys.hex(verifier.keyId()).equals(text(key, "kid"))) {
            throw new RefusedKeysException(which + " is listed with the kid " + text(key, "kid")
                    + ", which is not its key id");
        }
        if (!verifier.jwkX().equals(text(key, "x"))) {
            throw new RefusedKeysException(which + " is listed with an x that is not its public key");
        }
    }

    private static String text(JsonNode key, String field) {
        JsonNode value = key.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("a key without a text \"" + field + "\"");
        }
        return value.asText();
    }

    /** A key set whose fields contradict each other: a sign of tampering rather than of a wrong file. */
    public static final class RefusedKeysException extends IllegalArgumentException {

        RefusedKeysException(String message) {
            super(message);
        }
    }
}

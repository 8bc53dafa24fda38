package io.infrashare.transparency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * The RFC 8785 (JSON Canonicalization Scheme) form of a JSON value: the bytes a logged entry is hashed as, so that
 * anyone holding the same JSON object computes the same leaf hash, whatever the member order or spacing they received.
 */
public final class CanonicalJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CanonicalJson() {
    }

    /** The canonical UTF-8 bytes of a JSON text; refuses text that is not JSON. */
    public static byte[] canonicalize(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (IOException e) {
            throw new IllegalArgumentException("not canonicalizable JSON: " + e.getMessage(), e);
        }
    }

    public static byte[] canonicalize(JsonNode json) {
        try {
            return canonicalize(JSON.writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

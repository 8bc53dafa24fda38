package io.infrashare.query.log;

import io.infrashare.transparency.NoteVerifier;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The keys whose signatures this side trusts, current and retired, as JWKs with their C2SP verifier key. */
record VerifierKeysView(List<Key> keys) {

    static VerifierKeysView of(List<NoteVerifier> keys) {
        return new VerifierKeysView(keys.stream().map(key -> new Key("OKP", "Ed25519", key.hexKeyId(), key.jwkX(),
                key.verifierKey())).toList());
    }

    /** An Ed25519 public key as an RFC 8037 JWK, with the signed-note verifier key it is read from. */
    @Schema(name = "VerifierKey")
    record Key(@Schema(allowableValues = "OKP") String kty,
               @Schema(allowableValues = "Ed25519") String crv,
               @Schema(description = "The key id of the signatures it makes: 8 hex digits") String kid,
               @Schema(description = "The public key, base64url without padding") String x,
               @Schema(description = "The C2SP verifier key <name>+<hex key id>+<base64 key>, for note "
                       + "verifiers") String verifierKey) {
    }
}

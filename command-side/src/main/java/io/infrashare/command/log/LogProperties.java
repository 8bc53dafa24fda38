package io.infrashare.command.log;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How the organizations' logs are sealed and their checkpoints issued (docs/history-proofs.md).
 *
 * @param originPrefix       the origin of an organization's checkpoints is {@code <prefix>/<organization>}; a key
 *                           generated here is named by it
 * @param signingKey         the signer key ({@code PRIVATE+KEY+<name>+<id>+<base64>}); when set, it signs, whatever
 *                           the key directory holds
 * @param keyDirectory       a directory holding {@code signing.key} (the signer key) and {@code verifier.keys} (the
 *                           verifier key of every key that ever signed, which readers trust)
 * @param generateKey        whether a key is generated into the key directory when it holds none
 * @param checkpointTopic    the topic the signed checkpoints are published on
 * @param checkpointDelay    how long after a record is published its organization's checkpoint may come: the issuer
 *                           looks for grown logs this often
 * @param checkpointInterval the longest an organization goes without a checkpoint, even when its log did not grow
 */
@ConfigurationProperties("infrashare.log")
public record LogProperties(
        @DefaultValue("infrashare.localhost/log") String originPrefix,
        @DefaultValue("") String signingKey,
        @DefaultValue("") String keyDirectory,
        @DefaultValue("false") boolean generateKey,
        @DefaultValue("infrashare.checkpoints") String checkpointTopic,
        @DefaultValue("5s") Duration checkpointDelay,
        @DefaultValue("1h") Duration checkpointInterval) {

    /** The key directory, if one is set. */
    Optional<Path> keys() {
        return keyDirectory.isBlank() ? Optional.empty() : Optional.of(Path.of(keyDirectory));
    }
}

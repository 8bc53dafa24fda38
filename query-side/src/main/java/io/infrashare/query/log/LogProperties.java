package io.infrashare.query.log;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How this side checks the organizations' logs.
 *
 * @param originPrefix    the prefix of every checkpoint's origin line, {@code <prefix>/<organization>}: the command
 *                        side's {@code infrashare.log.origin-prefix}
 * @param verifierKeys    the C2SP verifier keys ({@code <name>+<id>+<key>}) whose signatures are trusted: the command
 *                        side's current key and every key it signed with before
 * @param keyDirectory    a directory whose {@code verifier.keys} file lists more trusted keys, one per line: the local
 *                        stack's, where the command side adds the key it generated
 * @param checkpointTopic the topic the command side publishes its signed checkpoints on
 */
@ConfigurationProperties("infrashare.log")
public record LogProperties(
        @DefaultValue("infrashare.localhost/log") String originPrefix,
        @DefaultValue List<String> verifierKeys,
        @DefaultValue("") String keyDirectory,
        @DefaultValue("infrashare.checkpoints") String checkpointTopic) {

    /** The key directory, if one is set. */
    public Optional<Path> keys() {
        return keyDirectory.isBlank() ? Optional.empty() : Optional.of(Path.of(keyDirectory));
    }
}

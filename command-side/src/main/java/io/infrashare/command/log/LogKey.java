package io.infrashare.command.log;

import io.infrashare.transparency.NoteSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The key that signs the organizations' checkpoints: {@code infrashare.log.signing-key} if set, else the key
 * directory's {@code signing.key}, generated there on first start when asked to. Whatever signs is listed in the
 * directory's {@code verifier.keys}, which readers of the local stack trust: the file is only ever appended to, so a
 * key that signed before a rotation stays listed and what it signed stays verifiable.
 */
final class LogKey {

    static final String SIGNING_KEY_FILE = "signing.key";
    static final String VERIFIER_KEYS_FILE = "verifier.keys";

    private static final Logger log = LoggerFactory.getLogger(LogKey.class);

    private LogKey() {
    }

    /**
     * @throws IllegalStateException if no key is configured, none is in the key directory and none may be generated,
     *                               or the key is not a signer key
     */
    static NoteSigner load(LogProperties properties) {
        Optional<Path> directory = properties.keys();
        NoteSigner signer;
        if (!properties.signingKey().isBlank()) {
            signer = parse(properties.signingKey(), "infrashare.log.signing-key");
        } else if (directory.isPresent() && Files.exists(directory.get().resolve(SIGNING_KEY_FILE))) {
            signer = read(directory.get().resolve(SIGNING_KEY_FILE));
        } else if (directory.isPresent() && properties.generateKey()) {
            signer = generate(directory.get().resolve(SIGNING_KEY_FILE), properties.originPrefix());
        } else {
            throw new IllegalStateException("No key to sign the organizations' logs with: set"
                    + " INFRASHARE_LOG_SIGNING_KEY (infrashare.log.signing-key) to a signer key (PRIVATE+KEY+...), or"
                    + " INFRASHARE_LOG_KEY_DIRECTORY (infrashare.log.key-directory) to a directory holding it as "
                    + SIGNING_KEY_FILE + ", with INFRASHARE_LOG_GENERATE_KEY=true (infrashare.log.generate-key) to"
                    + " have one generated there");
        }
        directory.ifPresent(keys -> list(keys.resolve(VERIFIER_KEYS_FILE), signer.verifierKey()));
        log.info("The organizations' logs are signed by the key {}", signer.verifierKey());
        return signer;
    }

    private static NoteSigner read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8).strip(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the signing key " + file, e);
        }
    }

    /**
     * A new key, readable by its owner only. It is written whole to a file of its own and then linked under its name,
     * which fails if the name exists: of several nodes generating at once, one key wins and every node reads it.
     */
    private static NoteSigner generate(Path file, String name) {
        NoteSigner signer = NoteSigner.generate(name);
        Path written = null;
        try {
            Files.createDirectories(file.getParent());
            written = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempFile(file.getParent(), SIGNING_KEY_FILE, ".new",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(file.getParent(), SIGNING_KEY_FILE, ".new");
            Files.writeString(written, signer.privateKey() + "\n", StandardCharsets.UTF_8);
            Files.createLink(file, written);
        } catch (FileAlreadyExistsException e) {
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the signing key " + file, e);
        } finally {
            deleteQuietly(written);
        }
        log.info("Generated a signing key in {}", file);
        return signer;
    }

    private static void deleteQuietly(Path written) {
        if (written != null) {
            try {
                Files.deleteIfExists(written);
            } catch (IOException e) {
                log.warn("Could not delete {}: {}", written, e.getMessage());
            }
        }
    }

    /** Appends the verifier key to the file unless a line of it already is that key; never removes a line. */
    private static void list(Path file, String verifierKey) {
        try {
            String listed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            if (listed.lines().map(String::strip).anyMatch(verifierKey::equals)) {
                return;
            }
            Files.createDirectories(file.getParent());
            String separator = listed.isEmpty() || listed.endsWith("\n") ? "" : "\n";
            Files.writeString(file, separator + verifierKey + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            log.info("Listed the verifier key {} in {}", verifierKey, file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the verifier key in " + file, e);
        }
    }

    /**
     * The refusal says neither the key nor the parser's reason, which may quote the key's base64: it is a secret, and
     * the message goes to the log.
     */
    private static NoteSigner parse(String privateKey, String from) {
        try {
            return NoteSigner.parse(privateKey);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The signing key of " + from + " is not an Ed25519 signer key of the form"
                    + " PRIVATE+KEY+<name>+<hex key id>+<base64>, or its key id is not that of the key");
        }
    }
}

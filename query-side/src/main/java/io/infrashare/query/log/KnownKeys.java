package io.infrashare.query.log;

import io.infrashare.transparency.NoteVerifier;
import io.infrashare.transparency.SignedNote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys whose signatures this side trusts: those configured ({@code INFRASHARE_LOG_VERIFIER_KEYS}) and those of
 * the key directory's {@code verifier.keys}, which is read again when a signature names a key not known yet, so the
 * local stack's command side may generate or rotate its key while this side runs. A retired key stays trusted as long
 * as it is listed: what it signed stays verifiable.
 */
@Component
public class KnownKeys {

    /** The file of the key directory that lists verifier keys, one per line; {@code #} starts a comment. */
    public static final String VERIFIER_KEYS_FILE = "verifier.keys";
    private static final Logger log = LoggerFactory.getLogger(KnownKeys.class);

    private final List<NoteVerifier> configured;
    private final Path file;
    private volatile List<NoteVerifier> all;

    public KnownKeys(LogProperties properties) {
        this.configured = properties.verifierKeys().stream().map(String::trim).filter(key -> !key.isEmpty())
                .map(KnownKeys::parse).toList();
        this.file = properties.keys().map(directory -> directory.resolve(VERIFIER_KEYS_FILE)).orElse(null);
        if (configured.isEmpty() && file == null) {
            throw new IllegalStateException("No key to check the command side's signatures with: set"
                    + " INFRASHARE_LOG_VERIFIER_KEYS (infrashare.log.verifier-keys) to its verifier keys, or"
                    + " INFRASHARE_LOG_KEY_DIRECTORY (infrashare.log.key-directory) to the directory of its "
                    + VERIFIER_KEYS_FILE);
        }
        this.all = read();
        log.info("Trusting the log signatures of {} key(s): {}", all.size(),
                all.stream().map(NoteVerifier::verifierKey).toList());
    }

    /** Every trusted key, in the order configured, then listed. */
    public List<NoteVerifier> all() {
        return all;
    }

    /**
     * The keys to open a note with: every trusted key, the key directory read again first if one of the note's
     * signatures names a key not known yet (once per note, however many such signatures it has).
     */
    public List<NoteVerifier> toOpen(SignedNote note) {
        List<NoteVerifier> known = all;
        boolean unknown = note.signatures().stream().anyMatch(signature -> known.stream()
                .noneMatch(key -> key.name().equals(signature.name()) && key.keyId() == signature.keyId()));
        if (file != null && unknown) {
            all = read();
        }
        return all;
    }

    private List<NoteVerifier> read() {
        Map<String, NoteVerifier> keys = new LinkedHashMap<>();
        configured.forEach(key -> keys.put(key.verifierKey(), key));
        if (file != null && Files.exists(file)) {
            try {
                for (String line : Files.readAllLines(file)) {
                    String key = line.strip();
                    if (!key.isEmpty() && !key.startsWith("#")) {
                        keys.putIfAbsent(key, parse(key));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the verifier keys of " + file, e);
            }
        }
        return List.copyOf(new ArrayList<>(keys.values()));
    }

    private static NoteVerifier parse(String key) {
        try {
            return NoteVerifier.parse(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Not a verifier key: '" + key + "' (" + e.getMessage() + ")", e);
        }
    }
}

package io.infrashare.query.log;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.LogSeal;
import io.infrashare.events.OrganizationId;
import io.infrashare.query.log.CheckpointRefused.Reason;
import io.infrashare.transparency.Checkpoint;
import io.infrashare.transparency.MalformedNoteException;
import io.infrashare.transparency.MerkleTree;
import io.infrashare.transparency.NoteVerificationException;
import io.infrashare.transparency.NoteVerifier;
import io.infrashare.transparency.SignedNote;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Takes in the checkpoints the command side publishes, trusting nothing of a record but its note: a trusted key must
 * have signed it for the organization's own log ({@code <origin prefix>/<organization>}), and what the record says
 * beside the note must agree with it. A checkpoint of a size this side's log has reached must have the root of this
 * side's leaves at that size: otherwise the signer and this side hold different histories, a fork, and the
 * checkpoint is not kept. One of a size the log has not reached yet is kept; proofs check it when they use it.
 */
@Component
class IncomingCheckpoints {

    private final ObjectMapper json;
    private final KnownKeys keys;
    private final String originPrefix;
    private final StoredLog log;
    private final StoredCheckpoints checkpoints;

    IncomingCheckpoints(ObjectMapper json, KnownKeys keys, LogProperties properties, StoredLog log,
                        StoredCheckpoints checkpoints) {
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.keys = keys;
        this.originPrefix = properties.originPrefix();
        this.log = log;
        this.checkpoints = checkpoints;
    }

    /**
     * Verifies and keeps the checkpoint a record of the topic carries.
     *
     * @param organization the record's key
     * @return whether it was added: false if it was kept before
     * @throws CheckpointRefused if it is not kept
     */
    boolean receive(String organization, byte[] value) {
        SignedCheckpoint checkpoint = verified(organization, read(value));
        requireSameHistory(checkpoint);
        return checkpoints.add(checkpoint);
    }

    private PublishedCheckpoint read(byte[] value) {
        PublishedCheckpoint published;
        try {
            published = value == null ? null : json.readValue(value, PublishedCheckpoint.class);
        } catch (JacksonException e) {
            throw new CheckpointRefused(Reason.MALFORMED, "not the JSON of a checkpoint: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CheckpointRefused(Reason.MALFORMED, "not the JSON of a checkpoint: " + e.getMessage());
        }
        if (published == null || published.organization() == null || published.size() == null
                || published.rootHash() == null || published.time() == null || published.keyId() == null
                || published.note() == null) {
            throw new CheckpointRefused(Reason.MALFORMED, "a checkpoint's JSON has organization, size, rootHash, "
                    + "time, keyId and note");
        }
        return published;
    }

    private SignedCheckpoint verified(String organization, PublishedCheckpoint published) {
        if (organization == null || !organization.equals(published.organization())) {
            throw new CheckpointRefused(Reason.MISMATCHED, "the record's key " + organization
                    + " is not the organization its checkpoint names, " + published.organization());
        }
        Checkpoint checkpoint;
        SignedNote note;
        List<NoteVerifier> trusted;
        try {
            note = SignedNote.parse(published.note());
            trusted = keys.toOpen(note);
            checkpoint = Checkpoint.open(published.note(), LogSeal.origin(originPrefix, OrganizationId.of(organization)),
                    trusted);
        } catch (MalformedNoteException e) {
            throw new CheckpointRefused(Reason.MALFORMED, "its note cannot be read: " + e.getMessage());
        } catch (NoteVerificationException e) {
            throw new CheckpointRefused(Reason.UNVERIFIED, "its note does not verify: " + e.getMessage());
        }
        if (checkpoint.size() != published.size()) {
            throw mismatch("size " + published.size() + " is not the note's, " + checkpoint.size());
        }
        if (!MessageDigest.isEqual(checkpoint.rootHash(), base64(published.rootHash()))) {
            throw mismatch("rootHash " + published.rootHash() + " is not the note's");
        }
        if (!signedBy(note, published.keyId(), trusted)) {
            throw mismatch("keyId " + published.keyId() + " is not that of a trusted key that signed the note");
        }
        return new SignedCheckpoint(OrganizationId.of(organization), checkpoint.size(), checkpoint.rootHash(),
                published.keyId(), instant(published.time()), published.note());
    }

    /** The note verified, so every trusted key's signature on it did: the key id must be one of those. */
    private static boolean signedBy(SignedNote note, String keyId, List<NoteVerifier> trusted) {
        return note.signatures().stream()
                .filter(signature -> HexFormat.of().toHexDigits(signature.keyId()).equals(keyId))
                .anyMatch(signature -> trusted.stream().anyMatch(key -> key.name().equals(signature.name())
                        && key.keyId() == signature.keyId()));
    }

    private void requireSameHistory(SignedCheckpoint checkpoint) {
        if (log.size(checkpoint.organization()) < checkpoint.size()) {
            return;
        }
        List<byte[]> leaves = log.leafHashes(checkpoint.organization(), checkpoint.size());
        if (leaves.size() != checkpoint.size()
                || !MessageDigest.isEqual(MerkleTree.rootHash(leaves), checkpoint.rootHash())) {
            throw CheckpointRefused.fork(checkpoint.size(), "this side's log of " + checkpoint.organization()
                    + " has " + (leaves.size() == checkpoint.size() ? "another root" : "only " + leaves.size()
                    + " entries") + " at size " + checkpoint.size() + ": the signed history and this side's differ");
        }
    }

    private static byte[] base64(String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw mismatch("rootHash " + value + " is not base64");
        }
    }

    private static Instant instant(String time) {
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            throw new CheckpointRefused(Reason.MALFORMED, "time " + time + " is not an RFC 3339 instant");
        }
    }

    private static CheckpointRefused mismatch(String what) {
        return new CheckpointRefused(Reason.MISMATCHED, "the record's " + what);
    }
}

package io.infrashare.query.log;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.OrganizationId;
import io.infrashare.query.NotFound;
import io.infrashare.transparency.MerkleTree;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

/**
 * Proofs of an organization's log against its signed checkpoints, computed from the stored leaf hashes. Before one is
 * given, the stored leaves are checked to have the checkpoint's root at its size, and the entry to have its leaf's
 * hash: a proof from a log that does not match what was signed would not verify, and would hide that the stored log
 * changed. A checkpoint of a size this side's log has not reached yet cannot be proven against until it has.
 */
@Component
class LogProofs {

    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private final StoredLog log;
    private final StoredCheckpoints checkpoints;
    private final ObjectMapper json;

    LogProofs(StoredLog log, StoredCheckpoints checkpoints, ObjectMapper json) {
        this.log = log;
        this.checkpoints = checkpoints;
        this.json = json.copy().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * The inclusion proof of the event in the checkpoint of {@code size}, or when null, in the largest checkpoint
     * that covers it and that this side's log has reached.
     */
    InclusionProofView inclusion(OrganizationId organization, String eventId, Long size) {
        StoredLog.Entry entry = log.entry(organization, eventId)
                .orElseThrow(() -> new NotFound("There is no event " + eventId + " in the organization's log."));
        long reached = log.size(organization);
        SignedCheckpoint checkpoint;
        if (size == null) {
            checkpoint = checkpoints.atMost(organization, reached).filter(signed -> signed.size() > entry.index())
                    .orElseThrow(() -> new NotFound("No checkpoint covers event " + eventId + " yet: it is entry "
                            + entry.index() + " of the log, and a checkpoint of a larger size is signed soon after."));
        } else {
            checkpoint = checkpoint(organization, size, reached);
            if (size <= entry.index()) {
                throw new NotFound("The checkpoint of size " + size + " does not cover event " + eventId
                        + ", entry " + entry.index() + " of the log.");
            }
        }
        List<byte[]> leaves = leavesOf(checkpoint);
        if (!MessageDigest.isEqual(MerkleTree.leafHash(entry.bytes()), entry.leafHash())) {
            throw new StoredLogMismatch("The stored entry " + entry.index() + " of " + organization
                    + " does not hash to its stored leaf hash");
        }
        return new InclusionProofView(eventId, entry.index(), checkpoint.size(), jsonObject(organization, entry),
                BASE64.encodeToString(entry.leafHash()), base64(MerkleTree.inclusionProof(leaves,
                Math.toIntExact(entry.index()), Math.toIntExact(checkpoint.size()))));
    }

    /** The consistency proof from the checkpoint of size {@code from} to that of size {@code to}. */
    ConsistencyProofView consistency(OrganizationId organization, long from, long to) {
        long reached = log.size(organization);
        SignedCheckpoint first = checkpoint(organization, from, reached);
        SignedCheckpoint second = checkpoint(organization, to, reached);
        List<byte[]> leaves = leavesOf(second);
        if (!MessageDigest.isEqual(MerkleTree.rootHash(leaves.subList(0, Math.toIntExact(from))),
                first.rootHash())) {
            throw new StoredLogMismatch("The stored log of " + organization + " does not have the root signed at size "
                    + from);
        }
        return new ConsistencyProofView(from, to, base64(MerkleTree.consistencyProof(leaves, Math.toIntExact(from),
                Math.toIntExact(to))));
    }

    private SignedCheckpoint checkpoint(OrganizationId organization, long size, long reached) {
        SignedCheckpoint checkpoint = checkpoints.ofSize(organization, size)
                .orElseThrow(() -> new NotFound("The organization has no checkpoint of size " + size + "."));
        if (size > reached) {
            throw new NotFound("The log here has not reached the checkpoint of size " + size + " yet: it has "
                    + reached + " entries, and follows the topic.");
        }
        return checkpoint;
    }

    /** The stored leaves up to the checkpoint's size, checked to have its root. */
    private List<byte[]> leavesOf(SignedCheckpoint checkpoint) {
        List<byte[]> leaves = log.leafHashes(checkpoint.organization(), checkpoint.size());
        if (leaves.size() != checkpoint.size()) {
            throw new StoredLogMismatch("The stored log of " + checkpoint.organization() + " has " + leaves.size()
                    + " of the " + checkpoint.size() + " entries of its checkpoint");
        }
        if (!MessageDigest.isEqual(MerkleTree.rootHash(leaves), checkpoint.rootHash())) {
            throw new StoredLogMismatch("The stored log of " + checkpoint.organization()
                    + " does not have the root signed at size " + checkpoint.size());
        }
        return leaves;
    }

    /** The entry's bytes, which are canonical JSON, checked to be one JSON object and passed on as they are. */
    private String jsonObject(OrganizationId organization, StoredLog.Entry entry) {
        try {
            if (json.readTree(entry.bytes()).isObject()) {
                return new String(entry.bytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            // answered below
        }
        throw new StoredLogMismatch("The stored entry " + entry.index() + " of " + organization
                + " is not a JSON object");
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(BASE64::encodeToString).toList();
    }
}

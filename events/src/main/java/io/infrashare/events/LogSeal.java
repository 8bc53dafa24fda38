package io.infrashare.events;

import io.infrashare.transparency.Checkpoint;
import io.infrashare.transparency.CompactRange;
import io.infrashare.transparency.NoteSigner;

import java.security.MessageDigest;
import java.util.Base64;

/**
 * Where a record sits in its organization's log, as the record itself says it: its index ({@code ce_logindex}, part
 * of the entry), its entry's leaf hash ({@code infrashare_leafhash}) and the signed checkpoint of the log up to and
 * including it ({@code infrashare_checkpoint}). The publisher seals each record as it sends it; a reader that keeps
 * the log's tree recomputes the entry, appends it and checks that the signed root is the one it got, so a record that
 * was forged, altered, left out or replayed out of order does not fit.
 *
 * @param index      the index the record claims
 * @param entry      its entry as the reader computes it from the record
 * @param leafHash   the leaf hash it claims
 * @param checkpoint the signed note it carries
 */
public record LogSeal(long index, LogEntry entry, byte[] leafHash, String checkpoint) {

    /** The origin line of an organization's checkpoints: {@code <prefix>/<organization>}. */
    public static String origin(String prefix, OrganizationId organization) {
        return prefix + "/" + organization.value();
    }

    /**
     * The record as the next entry of the log whose tree is {@code log}, which it is appended to, with the checkpoint
     * of the log after it signed by {@code signer}.
     */
    public static WireRecord seal(WireRecord record, CompactRange log, String origin, NoteSigner signer) {
        WireRecord indexed = record.withHeader(Topic.Headers.LOG_INDEX, Long.toString(log.size()));
        byte[] leafHash = LogEntry.of(indexed).leafHash();
        log.append(leafHash);
        String checkpoint = new Checkpoint(origin, log.size(), log.rootHash()).sign(signer).message();
        return indexed.withHeader(Topic.Headers.LEAF_HASH, Base64.getEncoder().encodeToString(leafHash))
                .withHeader(Topic.Headers.CHECKPOINT, checkpoint);
    }

    /**
     * What a record says of its place.
     *
     * @throws UnreadableEventException if it has no seal, or one that cannot be read
     */
    public static LogSeal of(WireRecord record) {
        long index = LogEntry.logIndex(record);
        String leafHash = record.header(Topic.Headers.LEAF_HASH);
        String checkpoint = record.header(Topic.Headers.CHECKPOINT);
        if (leafHash == null || checkpoint == null) {
            throw new UnreadableEventException("Event " + record.header(Topic.Headers.ID) + " has no "
                    + (leafHash == null ? Topic.Headers.LEAF_HASH : Topic.Headers.CHECKPOINT) + " header");
        }
        byte[] claimed;
        try {
            claimed = Base64.getDecoder().decode(leafHash);
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException("Event " + record.header(Topic.Headers.ID) + " has a leaf hash that is"
                    + " not base64");
        }
        return new LogSeal(index, LogEntry.of(record), claimed, checkpoint);
    }

    /** Whether the leaf hash the record claims is that of its entry: if not, the record was altered. */
    public boolean leafHashFits() {
        return MessageDigest.isEqual(leafHash, entry.leafHash());
    }
}

package io.infrashare.transparency;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A log's tree as its appender keeps it: the size and the hashes of the perfect subtrees that the size's binary
 * decomposition gives, largest first (RFC 9162's tree of {@code 6} leaves is the subtrees of {@code 4} and
 * {@code 2}). That is {@code log2(size)} hashes at most, from which the root hash follows and onto which the next
 * leaf is appended, so a writer never reads the leaves it appended before.
 */
public final class CompactRange {

    private static final int HASH = 32;

    private long size;
    private final List<byte[]> subtrees;

    private CompactRange(long size, List<byte[]> subtrees) {
        if (size < 0 || Long.bitCount(size) != subtrees.size()) {
            throw new IllegalArgumentException("a tree of " + size + " leaves has " + Long.bitCount(Math.max(size, 0))
                    + " perfect subtrees, not " + subtrees.size());
        }
        subtrees.forEach(CompactRange::checkHash);
        this.size = size;
        this.subtrees = new ArrayList<>(subtrees);
    }

    public static CompactRange empty() {
        return new CompactRange(0, List.of());
    }

    /** The range stored as {@link #subtreeHashes()}: the subtrees' hashes one after the other. */
    public static CompactRange of(long size, byte[] subtreeHashes) {
        if (subtreeHashes.length % HASH != 0) {
            throw new IllegalArgumentException("subtree hashes of " + HASH + " bytes each, not " + subtreeHashes.length
                    + " bytes");
        }
        List<byte[]> subtrees = new ArrayList<>();
        for (int from = 0; from < subtreeHashes.length; from += HASH) {
            subtrees.add(Arrays.copyOfRange(subtreeHashes, from, from + HASH));
        }
        return new CompactRange(size, subtrees);
    }

    public long size() {
        return size;
    }

    /** The perfect subtrees' hashes, largest first, one after the other: what {@link #of} reads back. */
    public byte[] subtreeHashes() {
        ByteBuffer hashes = ByteBuffer.allocate(subtrees.size() * HASH);
        subtrees.forEach(hashes::put);
        return hashes.array();
    }

    /** Appends the leaf whose hash is given: it takes index {@link #size()}, and equal subtrees merge. */
    public void append(byte[] leafHash) {
        checkHash(leafHash);
        byte[] merged = leafHash.clone();
        // each trailing one bit of the size is a subtree of the leaf's own size, which the new leaf completes
        for (long carry = size; (carry & 1) == 1; carry >>= 1) {
            merged = MerkleTree.nodeHash(subtrees.remove(subtrees.size() - 1), merged);
        }
        subtrees.add(merged);
        size++;
    }

    /** MTH of the leaves appended so far: the subtrees folded from the smallest, as RFC 9162 splits the tree. */
    public byte[] rootHash() {
        if (subtrees.isEmpty()) {
            return MerkleTree.rootHash(List.of());
        }
        byte[] root = subtrees.get(subtrees.size() - 1);
        for (int i = subtrees.size() - 2; i >= 0; i--) {
            root = MerkleTree.nodeHash(subtrees.get(i), root);
        }
        return root.clone();
    }

    public CompactRange copy() {
        return new CompactRange(size, subtrees);
    }

    private static void checkHash(byte[] hash) {
        if (hash.length != HASH) {
            throw new IllegalArgumentException("a hash has " + HASH + " bytes, not " + hash.length);
        }
    }
}

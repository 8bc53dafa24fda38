package io.infrashare.transparency;

import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 9162 root of a log read one leaf at a time: the roots of the perfect subtrees its size decomposes into,
 * largest first, so memory grows with the logarithm of the size and the root of every prefix is at hand when a
 * checkpoint of that size needs it.
 */
final class CompactRange {

    private final List<byte[]> subtrees = new ArrayList<>();
    private long size;

    void append(byte[] leafHash) {
        subtrees.add(leafHash);
        size++;
        for (long s = size; (s & 1) == 0; s >>= 1) {
            byte[] right = subtrees.remove(subtrees.size() - 1);
            byte[] left = subtrees.remove(subtrees.size() - 1);
            subtrees.add(MerkleTree.nodeHash(left, right));
        }
    }

    long size() {
        return size;
    }

    /** MTH of the leaves appended so far: the subtrees folded from the smallest, as RFC 9162's split leaves them. */
    byte[] rootHash() {
        if (subtrees.isEmpty()) {
            return MerkleTree.sha256().digest();
        }
        byte[] root = subtrees.get(subtrees.size() - 1);
        for (int i = subtrees.size() - 2; i >= 0; i--) {
            root = MerkleTree.nodeHash(subtrees.get(i), root);
        }
        return root;
    }
}

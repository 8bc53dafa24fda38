package io.infrashare.transparency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree hash of RFC 9162 section 2.1 (the hashing of RFC 6962) over a list of leaf hashes, and the
 * inclusion and consistency proofs it defines; {@link MerkleProofs} verifies them.
 */
public final class MerkleTree {

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleTree() {
    }

    /** {@code SHA-256(0x00 || entry)}. */
    public static byte[] leafHash(byte[] entry) {
        MessageDigest sha256 = sha256();
        sha256.update(LEAF_PREFIX);
        return sha256.digest(entry);
    }

    /** {@code SHA-256(0x01 || left || right)}. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        return sha256.digest(right);
    }

    /** MTH(D[n]) of the tree whose leaves have these hashes; the empty tree's is {@code SHA-256()}. */
    public static byte[] rootHash(List<byte[]> leafHashes) {
        int n = leafHashes.size();
        if (n == 0) {
            return sha256().digest();
        }
        if (n == 1) {
            return leafHashes.get(0);
        }
        int k = largestPowerOfTwoBelow(n);
        return nodeHash(rootHash(leafHashes.subList(0, k)), rootHash(leafHashes.subList(k, n)));
    }

    /** PATH(index, D[n]): the inclusion proof of leaf {@code index} in the tree of the first {@code size} leaves. */
    public static List<byte[]> inclusionProof(List<byte[]> leafHashes, int index, int size) {
        if (index < 0 || index >= size || size > leafHashes.size()) {
            throw new IllegalArgumentException("no leaf " + index + " in a tree of " + size);
        }
        return path(index, leafHashes.subList(0, size));
    }

    /** PROOF(first, D[second]): the consistency proof of the tree of {@code first} leaves with that of {@code second}. */
    public static List<byte[]> consistencyProof(List<byte[]> leafHashes, int first, int second) {
        if (first <= 0 || first > second || second > leafHashes.size()) {
            throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
        }
        return subproof(first, leafHashes.subList(0, second), true);
    }

    private static List<byte[]> path(int m, List<byte[]> d) {
        int n = d.size();
        List<byte[]> proof = new ArrayList<>();
        if (n == 1) {
            return proof;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            proof.addAll(path(m, d.subList(0, k)));
            proof.add(rootHash(d.subList(k, n)));
        } else {
            proof.addAll(path(m - k, d.subList(k, n)));
            proof.add(rootHash(d.subList(0, k)));
        }
        return proof;
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean completeSubtree) {
        int n = d.size();
        List<byte[]> proof = new ArrayList<>();
        if (m == n) {
            if (!completeSubtree) {
                proof.add(rootHash(d));
            }
            return proof;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            proof.addAll(subproof(m, d.subList(0, k), completeSubtree));
            proof.add(rootHash(d.subList(k, n)));
        } else {
            proof.addAll(subproof(m - k, d.subList(k, n), false));
            proof.add(rootHash(d.subList(0, k)));
        }
        return proof;
    }

    /** The largest power of two smaller than {@code n} (n > 1). */
    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

package io.infrashare.transparency;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The verification algorithms of RFC 9162, sections 2.1.3.2 (inclusion) and 2.1.4.2 (consistency), step by step as
 * the RFC writes them; the indexes are longs, as the tree sizes of a checkpoint are.
 */
public final class MerkleProofs {

    private static final int HASH_SIZE = 32;

    private MerkleProofs() {
    }

    /**
     * Whether the leaf with this hash is at {@code leafIndex} in the tree of {@code treeSize} leaves with this root. The
     * size is bound by the root it comes with: take both from the same signed checkpoint.
     */
    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> inclusionPath,
                                          byte[] rootHash) {
        if (leafHash.length != HASH_SIZE || rootHash.length != HASH_SIZE) {
            return false;
        }
        if (leafIndex < 0 || leafIndex >= treeSize) {
            return false;
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : inclusionPath) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleTree.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleTree.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, rootHash);
    }

    /**
     * Whether the tree of {@code firstSize} leaves with root {@code firstHash} is a prefix of the tree of
     * {@code secondSize} leaves with root {@code secondHash}. Equal sizes need an empty proof and equal roots; an empty
     * first tree proves nothing and is refused.
     */
    public static boolean verifyConsistency(long firstSize, long secondSize, byte[] firstHash, byte[] secondHash,
                                            List<byte[]> consistencyPath) {
        if (firstSize <= 0 || firstSize > secondSize) {
            return false;
        }
        if (firstSize == secondSize) {
            return consistencyPath.isEmpty() && MessageDigest.isEqual(firstHash, secondHash);
        }
        if (consistencyPath.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(consistencyPath);
        if (Long.bitCount(firstSize) == 1) {
            path.add(0, firstHash);
        }
        long fn = firstSize - 1;
        long sn = secondSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleTree.nodeHash(c, fr);
                sr = MerkleTree.nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleTree.nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstHash) && MessageDigest.isEqual(sr, secondHash);
    }
}

package io.infrashare.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The RFC 6962 reference tree of the certificate-transparency test vectors (the eight leaf inputs, node hashes and
 * root hashes of the {@code testonly} package of transparency-dev/merkle), then every proof of every tree up to 64
 * leaves, each verified as generated and refused once altered.
 */
class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    private static final List<byte[]> LEAF_INPUTS = hex("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f");

    private static final List<byte[]> LEAF_HASHES = hex(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7",
            "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
            "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1");

    /** The root hashes of the trees of 0 to 8 of the leaves above. */
    private static final List<byte[]> ROOT_HASHES = hex(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void hashesTheReferenceLeaves() {
        for (int i = 0; i < LEAF_INPUTS.size(); i++) {
            assertThat(MerkleTree.leafHash(LEAF_INPUTS.get(i))).isEqualTo(LEAF_HASHES.get(i));
        }
    }

    @Test
    void hashesTheReferenceNodes() {
        assertThat(MerkleTree.nodeHash(LEAF_HASHES.get(0), LEAF_HASHES.get(1)))
                .isEqualTo(HEX.parseHex("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"));
        assertThat(MerkleTree.nodeHash(LEAF_HASHES.get(6), LEAF_HASHES.get(7)))
                .isEqualTo(HEX.parseHex("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"));
    }

    @Test
    void computesTheReferenceRootOfEveryTreeSize() {
        for (int size = 0; size <= 8; size++) {
            assertThat(MerkleTree.rootHash(LEAF_HASHES.subList(0, size))).as("root of %d leaves", size)
                    .isEqualTo(ROOT_HASHES.get(size));
        }
    }

    @Test
    void generatesTheReferenceInclusionProofOfTheFirstLeafOfEight() {
        assertThat(MerkleTree.inclusionProof(LEAF_HASHES, 0, 8)).containsExactlyElementsOf(hex(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8, 13, 31, 32, 33, 64})
    void everyInclusionProofVerifiesAndNoAlteredOneDoes(int size) {
        List<byte[]> leaves = leafHashes(size);
        byte[] root = MerkleTree.rootHash(leaves);
        List<byte[]> grown = leafHashes(size + 1);
        byte[] rootOfOneMore = MerkleTree.rootHash(grown);
        for (int index = 0; index < size; index++) {
            List<byte[]> proof = MerkleTree.inclusionProof(leaves, index, size);
            byte[] leaf = leaves.get(index);

            assertThat(MerkleProofs.verifyInclusion(index, size, leaf, proof, root)).isTrue();
            assertThat(MerkleProofs.verifyInclusion(index, size, flipped(leaf, index), proof, root)).isFalse();
            assertThat(MerkleProofs.verifyInclusion(index, size, leaf, proof, flipped(root, index))).isFalse();
            assertThat(MerkleProofs.verifyInclusion(index, size + 1, leaf, proof, rootOfOneMore)).isFalse();
            for (int other = 0; other < size; other++) {
                if (other != index) {
                    assertThat(MerkleProofs.verifyInclusion(other, size, leaf, proof, root)).isFalse();
                }
            }
            for (List<byte[]> altered : alterations(proof)) {
                assertThat(MerkleProofs.verifyInclusion(index, size, leaf, altered, root)).isFalse();
            }
        }
    }

    @Test
    void everyInclusionProofOfEveryTreeUpTo64LeavesVerifies() {
        List<byte[]> leaves = leafHashes(64);
        for (int size = 1; size <= 64; size++) {
            byte[] root = MerkleTree.rootHash(leaves.subList(0, size));
            for (int index = 0; index < size; index++) {
                assertThat(MerkleProofs.verifyInclusion(index, size, leaves.get(index),
                        MerkleTree.inclusionProof(leaves, index, size), root)).isTrue();
            }
        }
    }

    @Test
    void everyConsistencyProofUpTo64LeavesVerifiesAndNoAlteredOneDoes() {
        List<byte[]> leaves = leafHashes(65);
        List<byte[]> roots = IntStream.rangeClosed(0, 65).mapToObj(n -> MerkleTree.rootHash(leaves.subList(0, n))).toList();
        for (int second = 1; second <= 64; second++) {
            for (int first = 1; first <= second; first++) {
                List<byte[]> proof = MerkleTree.consistencyProof(leaves, first, second);
                byte[] firstRoot = roots.get(first);
                byte[] secondRoot = roots.get(second);

                assertThat(MerkleProofs.verifyConsistency(first, second, firstRoot, secondRoot, proof))
                        .as("%d to %d", first, second).isTrue();
                assertThat(MerkleProofs.verifyConsistency(first, second, flipped(firstRoot, first), secondRoot, proof))
                        .isFalse();
                assertThat(MerkleProofs.verifyConsistency(first, second, firstRoot, flipped(secondRoot, second), proof))
                        .isFalse();
                if (first > 1) {
                    assertThat(MerkleProofs.verifyConsistency(first - 1, second, roots.get(first - 1), secondRoot, proof))
                            .isFalse();
                }
                assertThat(MerkleProofs.verifyConsistency(first, second + 1, firstRoot, roots.get(second + 1), proof))
                        .isFalse();
                for (List<byte[]> altered : alterations(proof)) {
                    assertThat(MerkleProofs.verifyConsistency(first, second, firstRoot, secondRoot, altered))
                            .as("altered proof from %d to %d", first, second).isFalse();
                }
            }
        }
    }

    @Test
    void refusesConsistencyFromAnEmptyTreeOrBackwards() {
        List<byte[]> leaves = leafHashes(4);
        byte[] root = MerkleTree.rootHash(leaves);

        assertThat(MerkleProofs.verifyConsistency(0, 4, ROOT_HASHES.get(0), root, List.of())).isFalse();
        assertThat(MerkleProofs.verifyConsistency(4, 2, root, MerkleTree.rootHash(leaves.subList(0, 2)),
                MerkleTree.consistencyProof(leaves, 2, 4))).isFalse();
    }

    /** The proof with any one byte of a hash flipped, without any one of its hashes, and with one hash more. */
    private static List<List<byte[]>> alterations(List<byte[]> proof) {
        List<List<byte[]>> altered = new ArrayList<>();
        for (int i = 0; i < proof.size(); i++) {
            for (int at = 0; at < proof.get(i).length; at++) {
                List<byte[]> copy = new ArrayList<>(proof);
                copy.set(i, flipped(proof.get(i), at));
                altered.add(copy);
            }
            List<byte[]> without = new ArrayList<>(proof);
            without.remove(i);
            altered.add(without);
        }
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(MerkleTree.leafHash(new byte[] {42}));
        altered.add(longer);
        return altered;
    }

    private static byte[] flipped(byte[] hash, int at) {
        byte[] copy = hash.clone();
        copy[at % copy.length] ^= 0x01;
        return copy;
    }

    private static List<byte[]> leafHashes(int count) {
        return IntStream.range(0, count).mapToObj(i -> MerkleTree.leafHash(("entry " + i).getBytes())).toList();
    }

    private static List<byte[]> hex(String... hashes) {
        return java.util.Arrays.stream(hashes).map(HEX::parseHex).toList();
    }
}

package io.infrashare.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompactRangeTest {

    @Test
    void givesTheRootOfEveryPrefixAsTheWholeTreeDoes() {
        CompactRange range = new CompactRange();
        List<byte[]> leaves = new ArrayList<>();

        for (int size = 0; size <= 130; size++) {
            assertThat(range.rootHash()).as("size %d", size).isEqualTo(MerkleTree.rootHash(leaves));
            byte[] leaf = MerkleTree.leafHash(new byte[] {(byte) size});
            leaves.add(leaf);
            range.append(leaf);
        }
    }
}

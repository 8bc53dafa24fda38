package io.infrashare.transparency;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompactRangeTest {

    @Test
    void theRootAfterEachAppendIsTheTreeHashOfAllLeavesSoFar() {
        CompactRange range = CompactRange.empty();
        List<byte[]> leaves = new ArrayList<>();
        assertThat(range.rootHash()).isEqualTo(MerkleTree.rootHash(leaves));
        for (int i = 0; i < 300; i++) {
            byte[] leaf = MerkleTree.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8));
            leaves.add(leaf);
            range.append(leaf);
            assertThat(range.size()).isEqualTo(leaves.size());
            assertThat(range.rootHash()).as("root of %d leaves", leaves.size()).isEqualTo(MerkleTree.rootHash(leaves));
        }
    }

    @Test
    void aStoredRangeReadBackGoesOnAsTheOriginal() {
        CompactRange original = CompactRange.empty();
        for (int i = 0; i < 13; i++) {
            original.append(MerkleTree.leafHash(new byte[]{(byte) i}));
        }
        CompactRange readBack = CompactRange.of(original.size(), original.subtreeHashes());
        byte[] next = MerkleTree.leafHash(new byte[]{42});
        original.append(next);
        readBack.append(next);

        assertThat(original.subtreeHashes()).hasSize(32 * 3); // 14 = 8 + 4 + 2
        assertThat(readBack.rootHash()).isEqualTo(original.rootHash());
    }

    @Test
    void aCopyDoesNotMoveWithTheOriginal() {
        CompactRange original = CompactRange.empty();
        original.append(MerkleTree.leafHash(new byte[]{1}));
        CompactRange copy = original.copy();
        original.append(MerkleTree.leafHash(new byte[]{2}));

        assertThat(copy.size()).isEqualTo(1);
        assertThat(copy.rootHash()).isEqualTo(MerkleTree.leafHash(new byte[]{1}));
    }

    @Test
    void refusesSubtreesThatDoNotFitTheSize() {
        assertThatThrownBy(() -> CompactRange.of(3, new byte[32]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 leaves has 2");
        assertThatThrownBy(() -> CompactRange.of(1, new byte[31]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

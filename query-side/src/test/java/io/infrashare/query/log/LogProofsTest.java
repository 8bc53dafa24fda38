package io.infrashare.query.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.OrganizationId;
import io.infrashare.transparency.MerkleProofs;
import io.infrashare.transparency.MerkleTree;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No proof comes from a stored entry that is not the one its leaf hash, and so the signed root, covers. */
class LogProofsTest {

    private static final OrganizationId ACME = OrganizationId.of("acme");

    private final List<byte[]> entries = new ArrayList<>(IntStream.range(0, 4)
            .mapToObj(index -> ("{\"e\":" + index + "}").getBytes(StandardCharsets.UTF_8)).toList());
    private final List<byte[]> leaves = entries.stream().map(MerkleTree::leafHash).toList();
    private final SignedCheckpoint checkpoint = new SignedCheckpoint(ACME, 4, MerkleTree.rootHash(leaves),
            "14ccef9b", Instant.EPOCH, "the signed note");
    private final LogProofs proofs = new LogProofs(new Log(), new Checkpoints(), new ObjectMapper());

    @Test
    void anEntryThatIsTheSignedOneIsProven() {
        InclusionProofView proof = proofs.inclusion(ACME, "e2", null);

        assertThat(proof.entry()).isEqualTo("{\"e\":2}");
        assertThat(MerkleProofs.verifyInclusion(2, 4, Base64.getDecoder().decode(proof.leafHash()),
                proof.hashes().stream().map(Base64.getDecoder()::decode).toList(), checkpoint.rootHash())).isTrue();
    }

    @Test
    void anEntryStoredAlteredBesideItsSignedLeafHashGivesNoProof() {
        entries.set(2, "{\"e\":2,\"altered\":true}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> proofs.inclusion(ACME, "e2", null)).isInstanceOf(StoredLogMismatch.class)
                .hasMessageContaining("entry 2");
        assertThat(proofs.inclusion(ACME, "e1", 4L).index()).as("the entries that are as signed").isEqualTo(1);
    }

    /** Entries {@code e0} to {@code e3}, each with the leaf hash of the entry as it was signed. */
    private final class Log extends StoredLog {

        Log() {
            super(null);
        }

        @Override
        long size(OrganizationId organization) {
            return entries.size();
        }

        @Override
        List<byte[]> leafHashes(OrganizationId organization, long size) {
            return leaves.subList(0, (int) size);
        }

        @Override
        Optional<Entry> entry(OrganizationId organization, String eventId) {
            int index = Integer.parseInt(eventId.substring(1));
            return Optional.of(new Entry(index, entries.get(index), leaves.get(index)));
        }
    }

    /** The one checkpoint of the four entries. */
    private final class Checkpoints extends StoredCheckpoints {

        Checkpoints() {
            super(null);
        }

        @Override
        Optional<SignedCheckpoint> ofSize(OrganizationId organization, long size) {
            return Optional.of(checkpoint).filter(signed -> signed.size() == size);
        }

        @Override
        Optional<SignedCheckpoint> atMost(OrganizationId organization, long size) {
            return Optional.of(checkpoint).filter(signed -> signed.size() <= size);
        }
    }
}

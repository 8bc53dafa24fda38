package io.infrashare.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The example of C2SP tlog-checkpoint, and checkpoints of our own signed and opened with Ed25519 keys. */
class CheckpointTest {

    private static final String SPECIFICATION_EXAMPLE = """
            example.com/behind-the-sofa
            20852163
            CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=

            — example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=
            """;

    private static final byte[] ROOT = MerkleTree.rootHash(List.of(MerkleTree.leafHash(new byte[] {1})));

    @Test
    void readsTheExampleOfTheSpecification() {
        SignedNote note = SignedNote.parse(SPECIFICATION_EXAMPLE);
        Checkpoint checkpoint = Checkpoint.parse(note.text());

        assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(checkpoint.size()).isEqualTo(20852163L);
        assertThat(Base64.getEncoder().encodeToString(checkpoint.rootHash()))
                .isEqualTo("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=");
        assertThat(checkpoint.body()).isEqualTo(note.text());
    }

    @Test
    void writesOriginSizeAndRootEachOnItsLine() {
        Checkpoint checkpoint = new Checkpoint("infrashare.example/acme", 1, ROOT);

        assertThat(checkpoint.body()).isEqualTo("infrashare.example/acme\n1\n"
                + Base64.getEncoder().encodeToString(ROOT) + "\n");
    }

    @Test
    void opensACheckpointSignedByAKnownKeyOfItsOrigin() {
        NoteSigner current = NoteSigner.generate("infrashare.example/acme");
        NoteSigner retired = NoteSigner.generate("infrashare.example/acme");
        String note = new Checkpoint("infrashare.example/acme", 1, ROOT).sign(current).message();

        Checkpoint opened = Checkpoint.open(note, "infrashare.example/acme", List.of(retired.verifier(), current.verifier()));

        assertThat(opened.size()).isEqualTo(1);
        assertThat(opened.rootHash()).isEqualTo(ROOT);
        assertThatThrownBy(() -> Checkpoint.open(note, "infrashare.example/globex", List.of(current.verifier())))
                .isInstanceOf(NoteVerificationException.class);
        assertThatThrownBy(() -> Checkpoint.open(note, "infrashare.example/acme", List.of(retired.verifier())))
                .isInstanceOf(NoteVerificationException.class);
        assertThatThrownBy(() -> Checkpoint.open(note.replace("\n1\n", "\n2\n"), "infrashare.example/acme",
                List.of(current.verifier()))).isInstanceOf(NoteVerificationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "example.com/log\n020852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n",
            "example.com/log\n-1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n",
            "example.com/log\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n",
            "example.com/log\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jx\n",
            "example.com/log\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=",
            "example.com/log\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\nan extension\n",
            "\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"})
    void refusesMalformedCheckpoints(String body) {
        assertThatThrownBy(() -> Checkpoint.parse(body)).isInstanceOf(MalformedNoteException.class);
    }
}

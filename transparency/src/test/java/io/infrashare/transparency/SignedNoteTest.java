package io.infrashare.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The examples of C2SP signed-note and of Go's {@code golang.org/x/mod/sumdb/note} (its tests' PeterNeumann key, and
 * the EnochRoot key that its example generates from a zero random source): Ed25519 is deterministic, so the
 * signatures are reproduced byte for byte.
 */
class SignedNoteTest {

    private static final String PETER_SIGNER_KEY =
            "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String PETER_VERIFIER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String ENOCH_VERIFIER_KEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    private static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    private static final String PETER_LINE =
            "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    private static final String ENOCH_LINE =
            "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";
    private static final String PETER_NOTE = TEXT + "\n" + PETER_LINE;

    @Test
    void readsGosSignerKeyAndWritesItsVerifierKey() {
        NoteSigner peter = NoteSigner.parse(PETER_SIGNER_KEY);

        assertThat(peter.verifierKey()).isEqualTo(PETER_VERIFIER_KEY);
        assertThat(peter.privateKey()).isEqualTo(PETER_SIGNER_KEY);
        assertThat(NoteKeys.hex(peter.keyId())).isEqualTo("c74f20a3");
    }

    @Test
    void signsAsGoDoesByteForByte() {
        assertThat(SignedNote.sign(TEXT, NoteSigner.parse(PETER_SIGNER_KEY)).message()).isEqualTo(PETER_NOTE);
    }

    @Test
    void verifiesGosSignedNote() {
        SignedNote note = SignedNote.parse(PETER_NOTE);

        assertThat(note.text()).isEqualTo(TEXT);
        assertThat(note.verify(List.of(NoteVerifier.parse(PETER_VERIFIER_KEY))))
                .extracting(NoteVerifier::verifierKey).containsExactly(PETER_VERIFIER_KEY);
    }

    @Test
    void addsASecondSignatureAsGosExampleDoes() {
        NoteSigner enoch = NoteSigner.fromSeed("EnochRoot", new byte[32]);

        assertThat(enoch.verifierKey()).isEqualTo(ENOCH_VERIFIER_KEY);
        assertThat(SignedNote.parse(PETER_NOTE).signedAlsoBy(enoch).message())
                .isEqualTo(TEXT + "\n" + PETER_LINE + ENOCH_LINE);
    }

    @Test
    void ignoresTheSignaturesOfUnknownKeys() {
        SignedNote twiceSigned = SignedNote.parse(TEXT + "\n" + PETER_LINE + ENOCH_LINE);

        assertThat(twiceSigned.verify(List.of(NoteVerifier.parse(ENOCH_VERIFIER_KEY))))
                .extracting(NoteVerifier::name).containsExactly("EnochRoot");
        assertThat(twiceSigned.verify(List.of(NoteVerifier.parse(ENOCH_VERIFIER_KEY),
                NoteVerifier.parse(PETER_VERIFIER_KEY)))).extracting(NoteVerifier::name)
                .containsExactly("PeterNeumann", "EnochRoot");
    }

    @Test
    void verifiesTheExampleOfTheSignedNoteSpecification() {
        SignedNote note = SignedNote.parse("This is an example message.\n\n— example.com/foo "
                + "Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n");

        assertThat(note.verify(List.of(NoteVerifier.parse(
                "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k"))))
                .extracting(NoteVerifier::name).containsExactly("example.com/foo");
    }

    @Test
    void readsTheOpeningNoteOfTheSignedNoteSpecificationWhoseTextHasBlankLines() {
        SignedNote note = SignedNote.parse("""
                Ognuno sta solo sul cuor della terra
                trafitto da un raggio di sole:

                ed è subito sera.

                — quasimodo.example/salvatore NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQU0xMcXxj99ihAQwaqP3ZekRwNtIc=
                """);

        assertThat(note.text()).endsWith(":\n\ned è subito sera.\n");
        assertThat(note.signatures()).extracting(SignedNote.NoteSignature::name)
                .containsExactly("quasimodo.example/salvatore");
        assertThatThrownBy(() -> note.verify(List.of(NoteVerifier.parse(PETER_VERIFIER_KEY))))
                .isInstanceOf(NoteVerificationException.class).hasMessageContaining("no known key");
    }

    @Test
    void refusesANoteWhoseTextAKnownKeyDidNotSign() {
        SignedNote altered = SignedNote.parse(PETER_NOTE.replace("answer", "Answer"));

        assertThatThrownBy(() -> altered.verify(List.of(NoteVerifier.parse(PETER_VERIFIER_KEY))))
                .isInstanceOf(NoteVerificationException.class).hasMessageContaining("does not verify");
    }

    @Test
    void refusesASignatureOfAKnownKeyWithAnAlteredByte() {
        String signature = PETER_LINE.substring("— PeterNeumann ".length(), PETER_LINE.length() - 1);
        char last = signature.charAt(signature.length() - 5);
        String altered = signature.substring(0, signature.length() - 5) + (last == 'A' ? 'B' : 'A')
                + signature.substring(signature.length() - 4);

        assertThatThrownBy(() -> SignedNote.parse(TEXT + "\n— PeterNeumann " + altered + "\n")
                .verify(List.of(NoteVerifier.parse(PETER_VERIFIER_KEY))))
                .isInstanceOf(NoteVerificationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "no final newline\n\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
            "no blank line\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
            "no signature\n\n",
            "a hyphen, not an em dash\n\n- PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
            "a plus in the name\n\n— Peter+Neumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
            "a signature too short\n\n— PeterNeumann x08g\n",
            "a signature not base64\n\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8p*cElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
            "two spaces\n\n— PeterNeumann  x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
            "a tab\tin the text\n\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"})
    void refusesMalformedNotes(String message) {
        assertThatThrownBy(() -> SignedNote.parse(message)).isInstanceOf(MalformedNoteException.class);
    }

    @Test
    void aSignerKeyThatIsRefusedIsNotQuotedInTheReason() {
        String secret = "AZC4daqs+L+MhbL/y4xqDIalAz5S1RXDJ6dqtIT+Nfb4==";

        assertThatThrownBy(() -> NoteSigner.parse("PRIVATE+KEY+infrashare.test+14ccef9b+" + secret))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not canonical base64")
                .hasMessageNotContaining(secret.substring(0, 12));
    }

    @Test
    void refusesKeysWhoseIdIsNotThatOfTheKey() {
        assertThatThrownBy(() -> NoteVerifier.parse(PETER_VERIFIER_KEY.replace("c74f20a3", "c74f20a4")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteSigner.parse(PETER_SIGNER_KEY.replace("c74f20a3", "c74f20a4")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NoteVerifier.parse("PeterNeumann+c74f20a3")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGeneratedKeyVerifiesWhatItSignsAndNothingElse() {
        NoteSigner signer = NoteSigner.generate("infrashare.example/acme");
        NoteSigner other = NoteSigner.generate("infrashare.example/acme");
        String message = SignedNote.sign("an entry\n", signer).message();

        assertThat(SignedNote.parse(message).verify(List.of(signer.verifier()))).hasSize(1);
        assertThat(NoteSigner.parse(signer.privateKey()).verifierKey()).isEqualTo(signer.verifierKey());
        assertThatThrownBy(() -> SignedNote.parse(message).verify(List.of(other.verifier())))
                .isInstanceOf(NoteVerificationException.class);
    }
}

package io.infrashare.command.log;

import io.infrashare.testing.TestLogKey;
import io.infrashare.transparency.NoteSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the signing key comes from, and what the key directory's files say after a start. */
class LogKeyTest {

    @TempDir
    Path keys;

    @Test
    void aGeneratedKeyIsWrittenForItsOwnerOnlyNamedByTheOriginPrefixAndListedAsAVerifierKey() throws IOException {
        NoteSigner signer = LogKey.load(properties("", true));

        Path signingKey = keys.resolve("signing.key");
        assertThat(Files.readString(signingKey).strip()).isEqualTo(signer.privateKey());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(signingKey))).isEqualTo("rw-------");
        assertThat(signer.name()).isEqualTo("infrashare.localhost/log");
        assertThat(verifierKeys()).containsExactly(signer.verifierKey());
    }

    @Test
    void aRestartKeepsTheKeyAndListsItOnce() throws IOException {
        NoteSigner first = LogKey.load(properties("", true));

        NoteSigner again = LogKey.load(properties("", true));

        assertThat(again.privateKey()).isEqualTo(first.privateKey());
        assertThat(verifierKeys()).containsExactly(first.verifierKey());
    }

    @Test
    void aRotatedKeyIsAppendedAndEveryLineListedBeforeStays() throws IOException {
        NoteSigner old = LogKey.load(properties("", true));
        Files.writeString(keys.resolve("verifier.keys"), "# retired in 2025\nother.example/log+01020304+AQID",
                StandardOpenOption.APPEND);
        NoteSigner rotated = NoteSigner.generate("infrashare.localhost/log");
        Files.writeString(keys.resolve("signing.key"), rotated.privateKey() + "\n");

        NoteSigner signer = LogKey.load(properties("", false));

        assertThat(signer.verifierKey()).isEqualTo(rotated.verifierKey());
        assertThat(verifierKeys()).containsExactly(old.verifierKey(), "# retired in 2025",
                "other.example/log+01020304+AQID", rotated.verifierKey());
    }

    @Test
    void theConfiguredKeySignsAndIsListedInTheKeyDirectory() throws IOException {
        NoteSigner signer = LogKey.load(properties(TestLogKey.PRIVATE_KEY, false));

        assertThat(signer.verifierKey()).isEqualTo(TestLogKey.VERIFIER_KEY);
        assertThat(keys.resolve("signing.key")).doesNotExist();
        assertThat(verifierKeys()).containsExactly(TestLogKey.VERIFIER_KEY);
    }

    @Test
    void withoutAKeyTheServiceRefusesToStartAndSaysWhatToSet() {
        LogProperties nothing = new LogProperties("infrashare.localhost/log", "", "", false, "infrashare.checkpoints",
                Duration.ofSeconds(5), Duration.ofHours(1));

        assertThatThrownBy(() -> LogKey.load(nothing)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("INFRASHARE_LOG_SIGNING_KEY").hasMessageContaining("INFRASHARE_LOG_KEY_DIRECTORY")
                .hasMessageContaining("INFRASHARE_LOG_GENERATE_KEY");
        assertThatThrownBy(() -> LogKey.load(properties("", false))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("INFRASHARE_LOG_GENERATE_KEY");
        assertThat(keys).isEmptyDirectory();
    }

    @Test
    void aKeyThatCannotBeReadIsRefusedWithoutBeingQuoted() {
        String damaged = TestLogKey.PRIVATE_KEY.substring(0, TestLogKey.PRIVATE_KEY.length() - 3) + "!!!";

        assertThatThrownBy(() -> LogKey.load(properties(damaged, false))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("infrashare.log.signing-key is not an Ed25519 signer key")
                .hasMessageNotContaining(damaged.substring(damaged.lastIndexOf('+') + 1));
    }

    private LogProperties properties(String signingKey, boolean generateKey) {
        return new LogProperties("infrashare.localhost/log", signingKey, keys.toString(), generateKey,
                "infrashare.checkpoints", Duration.ofSeconds(5), Duration.ofHours(1));
    }

    private List<String> verifierKeys() throws IOException {
        return Files.readAllLines(keys.resolve("verifier.keys"));
    }
}

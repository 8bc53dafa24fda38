package io.infrashare.transparency;

import static io.infrashare.transparency.SignedLog.CURRENT;
import static io.infrashare.transparency.SignedLog.ORIGIN;
import static io.infrashare.transparency.SignedLog.RETIRED;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line an auditor runs on the three files: what it prints and how it exits. */
class VerifyCommandTest {

    @TempDir
    Path dir;

    private final SignedLog log = SignedLog.of(12);
    private Path export;
    private Path checkpoints;
    private Path keys;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeTheFiles() throws IOException {
        export = Files.write(dir.resolve("export.ndjson"), SignedLog.export(log.lines));
        checkpoints = Files.write(dir.resolve("checkpoints.json"), SignedLog.checkpointsJson(log.checkpoints()));
        keys = Files.write(dir.resolve("keys.json"), SignedLog.keysJson(RETIRED, CURRENT));
    }

    @Test
    void anUntouchedExportPrintsOkAndExitsZero() {
        int status = run("--log", export, "--checkpoints", checkpoints, "--keys", keys, "--organization", "acme");

        assertThat(status).isZero();
        assertThat(out()).isEqualTo("OK: 12 entries of " + ORIGIN + ", root "
                + Base64.getEncoder().encodeToString(log.rootAt(12)) + " at size 12 signed by " + CURRENT.name() + "+"
                + NoteKeys.hex(CURRENT.keyId()) + "\n");
        assertThat(err()).isEmpty();
    }

    @Test
    void eachFindingIsALineOfItsOwnAndTheExitIsOne() throws IOException {
        List<byte[]> lines = new ArrayList<>(log.lines);
        lines.remove(3);
        lines.set(7, SignedLog.bytes(SignedLog.text(lines.get(7)).replace("alice", "mallory")));
        Files.write(export, SignedLog.export(lines));

        int status = run("--log", export, "--checkpoints", checkpoints, "--keys", keys);

        assertThat(status).isEqualTo(1);
        assertThat(out().lines()).containsExactly(
                "FAIL: entry 3 is missing",
                "FAIL: entries 2..3 do not produce the root signed at size 4; the first checkpoint that fails is"
                        + " size 4, the last that holds is size 2");
    }

    @Test
    void aKeyFileThatContradictsItselfIsRefused() throws IOException {
        Files.writeString(keys, Files.readString(keys).replace("\"kid\":\"" + NoteKeys.hex(CURRENT.keyId()),
                "\"kid\":\"0badc0de"));

        int status = run("--log", export, "--checkpoints", checkpoints, "--keys", keys);

        assertThat(status).isEqualTo(1);
        assertThat(out()).startsWith("FAIL: the key file is refused: the key " + CURRENT.name());
    }

    @Test
    void aWrongCommandLineExitsTwoWithTheUsage() {
        assertThat(run("--log", export, "--keys", keys)).isEqualTo(2);
        assertThat(err()).startsWith("verify: --checkpoints is missing\nusage: verify --log <export.ndjson>");
        assertThat(out()).isEmpty();
    }

    @Test
    void aMissingOrUnreadableFileExitsTwo() throws IOException {
        assertThat(run("--log", dir.resolve("nothing.ndjson"), "--checkpoints", checkpoints, "--keys", keys))
                .isEqualTo(2);
        assertThat(err()).startsWith("verify: cannot read the export " + dir.resolve("nothing.ndjson")
                + ": no such file");

        Files.writeString(checkpoints, "not json");
        err.reset();
        assertThat(run("--log", export, "--checkpoints", checkpoints, "--keys", keys)).isEqualTo(2);
        assertThat(err()).startsWith("verify: cannot read the checkpoints " + checkpoints + ": not JSON");
    }

    @Test
    void aNegativeFromIsAUsageError() {
        assertThat(run("--log", export, "--checkpoints", checkpoints, "--keys", keys, "--from", "-1")).isEqualTo(2);
        assertThat(err()).startsWith("verify: --from is a log index, 0 or more");
    }

    private int run(Object... args) {
        String[] strings = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = args[i].toString();
        }
        return VerifyCommand.run(strings, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}

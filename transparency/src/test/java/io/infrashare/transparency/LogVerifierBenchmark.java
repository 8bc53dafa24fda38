package io.infrashare.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test: prints how fast {@link LogVerifier} checks an export of {@code benchmark.entries} entries (a million
 * by default, about 600 bytes each, written to a temporary file first) against checkpoints every 100,000 entries
 * and at the powers of two, across a key rotation. Its name keeps it out of {@code ./mvnw verify};
 * docs/benchmarks.md gives the command.
 */
class LogVerifierBenchmark {

    static final int ENTRIES = Integer.getInteger("benchmark.entries", 1_000_000);

    @TempDir
    Path dir;

    @Test
    void verifyAMillionEntries() throws IOException {
        Path export = dir.resolve("export.ndjson");
        List<ObjectNode> checkpoints = new ArrayList<>();
        CompactRange range = CompactRange.empty();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(export), 1 << 16)) {
            for (int i = 0; i < ENTRIES; i++) {
                byte[] line = SignedLog.entry(SignedLog.ORGANIZATION, i, "evt-" + i + "-" + Integer.toHexString(i * 31));
                out.write(line);
                out.write('\n');
                range.append(MerkleTree.leafHash(line));
                long size = range.size();
                if (size % 100_000 == 0 || Long.bitCount(size) == 1 || size == ENTRIES) {
                    NoteSigner signer = size <= ENTRIES / 2 ? SignedLog.RETIRED : SignedLog.CURRENT;
                    checkpoints.add(SignedLog.listed(new Checkpoint(SignedLog.ORIGIN, size, range.rootHash()), signer,
                            checkpoints.size()));
                }
            }
        }
        long bytes = Files.size(export);
        LogVerifier verifier = new LogVerifier(PublishedKeys.parse(SignedLog.keysJson(SignedLog.RETIRED,
                SignedLog.CURRENT)), PublishedCheckpoint.parseAll(SignedLog.checkpointsJson(checkpoints)),
                Optional.empty(), 0);

        long start = System.nanoTime();
        VerificationReport report;
        try (InputStream in = Files.newInputStream(export)) {
            report = verifier.verify(in);
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("verify: %,d entries (%,d MB, %d bytes an entry on average), %d checkpoints, in %.1f s"
                        + " = %,.0f entries/s; %s%n", ENTRIES, bytes >> 20, bytes / ENTRIES, checkpoints.size(),
                seconds, ENTRIES / seconds, report.ok() ? "OK" : report.findings());
        assertThat(report.ok()).isTrue();
    }
}

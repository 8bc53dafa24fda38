package io.infrashare.transparency;

import static io.infrashare.transparency.SignedLog.CURRENT;
import static io.infrashare.transparency.SignedLog.ORIGIN;
import static io.infrashare.transparency.SignedLog.RETIRED;
import static io.infrashare.transparency.SignedLog.bytes;
import static io.infrashare.transparency.SignedLog.text;
import static io.infrashare.transparency.SignedLog.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrashare.transparency.Finding.Kind;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real logs, signed across a key rotation, verified untouched and then tampered with at every position of logs of
 * several sizes: each tampering is reported with its kind and where it is, and none is ever reported as fine.
 */
class LogVerifierTest {

    private static final Map<Integer, SignedLog> LOGS = new ConcurrentHashMap<>();

    private static SignedLog log(int size) {
        return LOGS.computeIfAbsent(size, SignedLog::of);
    }

    /** Every position of logs of sizes around the powers of two, where the trees change shape, and of 100. */
    static Stream<Arguments> positions() {
        return Stream.of(1, 2, 3, 7, 8, 9, 16, 17, 33, 100)
                .flatMap(size -> IntStream.range(0, size).mapToObj(index -> Arguments.of(size, index)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 7, 8, 9, 100})
    void anUntouchedExportIsOkAcrossAKeyRotation(int size) {
        SignedLog log = log(size);

        VerificationReport report = verify(log.lines, log.checkpoints());

        assertThat(report.findings()).isEmpty();
        assertThat(report.summary()).isEqualTo(size + " entries of " + ORIGIN + ", root "
                + Base64.getEncoder().encodeToString(log.rootAt(size)) + " at size " + size + " signed by "
                + CURRENT.name() + "+" + NoteKeys.hex(CURRENT.keyId()));
    }

    @Test
    void theRotationReallyUsesBothKeys() {
        SignedLog log = log(9);
        List<ObjectNode> checkpoints = log.checkpoints();

        assertThat(checkpoints).extracting(c -> c.get("keyId").asText())
                .contains(NoteKeys.hex(RETIRED.keyId()), NoteKeys.hex(CURRENT.keyId()));
        VerificationReport withoutTheRetiredKey = verify(log.lines, checkpoints, 0, List.of(CURRENT.verifier()));
        assertThat(withoutTheRetiredKey.findings()).extracting(Finding::kind).contains(Kind.UNSIGNED_CHECKPOINT);
    }

    @ParameterizedTest(name = "size {0}, entry {1}")
    @MethodSource("positions")
    void anEditedByteOfDataIsLocalizedBetweenTheCheckpointsAroundIt(int size, int index) {
        SignedLog log = log(size);
        List<byte[]> lines = new ArrayList<>(log.lines);
        lines.set(index, bytes(text(lines.get(index)).replace("\"sharedBy\":\"alice", "\"sharedBy\":\"mallory")));

        VerificationReport report = verify(lines, log.checkpoints());

        long lastHolding = log.checkpointSizes.floor((long) index);
        long firstFailing = log.checkpointSizes.higher((long) index);
        assertThat(report.findings()).containsExactly(new Finding(Kind.EDITED, lastHolding, firstFailing - 1,
                (lastHolding == firstFailing - 1 ? "entry " + lastHolding + " does" : "entries " + lastHolding + ".."
                        + (firstFailing - 1) + " do") + " not produce the root signed at size " + firstFailing
                        + "; the first checkpoint that fails is size " + firstFailing
                        + ", the last that holds is size " + lastHolding));
    }

    @ParameterizedTest(name = "size {0}, entry {1}")
    @MethodSource("positions")
    void anEntryWrittenOtherThanCanonicallyIsEditedAtItsIndex(int size, int index) {
        SignedLog log = log(size);
        List<byte[]> lines = new ArrayList<>(log.lines);
        lines.set(index, bytes(text(lines.get(index)).replace("\"data\":{", "\"data\": {")));

        VerificationReport report = verify(lines, log.checkpoints());

        assertThat(report.findings()).contains(Finding.at(Kind.EDITED, index, "entry " + index + " (line "
                + (index + 1) + ") is not in the canonical RFC 8785 form it was logged in: it was edited"));
        assertThat(report.findings()).anyMatch(f -> f.kind() == Kind.EDITED && f.first() <= index && index <= f.last()
                && f.message().contains("do not produce the root") || f.message().contains("does not produce"));
    }

    @ParameterizedTest(name = "size {0}, entry {1}")
    @MethodSource("positions")
    void aDeletedEntryIsMissingOrTheExportTruncated(int size, int index) {
        SignedLog log = log(size);
        List<byte[]> lines = new ArrayList<>(log.lines);
        lines.remove(index);

        VerificationReport report = verify(lines, log.checkpoints());

        if (index < size - 1) {
            // the lines after the gap moved up: the roots of sizes the shortened export still reaches fail from it
            assertThat(report.findings()).contains(Finding.at(Kind.DELETED, index, "entry " + index + " is missing"));
            assertNotOk(report, log, index, size - 1);
        } else {
            assertThat(report.findings()).containsExactly(new Finding(Kind.TRUNCATED, index, index,
                    "the export holds " + index + " entries; " + lastListedAt(log, size) + " says the log has "
                            + size));
        }
    }

    @ParameterizedTest(name = "size {0}, entry {1}")
    @MethodSource("positions")
    void aCopiedLineInsertedAnywhereRepeatsItsEntry(int size, int index) {
        SignedLog log = log(size);
        int copied = (index * 7) % size;
        List<byte[]> lines = new ArrayList<>(log.lines);
        lines.add(index + 1, log.lines.get(copied));

        VerificationReport report = verify(lines, log.checkpoints());

        // the copy is the line out of sequence; next to its original, either of the two identical lines is
        int copyLine = index + 2;
        int originalLine = copied < index + 1 ? copied + 1 : copied + 2;
        String copy = "line " + copyLine + " repeats entry " + copied + " (line " + originalLine + ")";
        String either = "line " + originalLine + " repeats entry " + copied + " (line " + copyLine + ")";
        assertThat(report.findings()).filteredOn(f -> f.kind() == Kind.INSERTED).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.first()).isEqualTo(copied);
                    assertThat(finding.message()).isIn(copy + ": it was inserted",
                            Math.abs(copyLine - originalLine) == 1 ? either + ": it was inserted" : copy);
                });
        assertThat(report.findings()).noneMatch(f -> f.kind() == Kind.DELETED || f.kind() == Kind.REORDERED);
        assertNotOk(report, log, index + 1, size);
    }

    @ParameterizedTest(name = "size {0}, entry {1}")
    @MethodSource("positions")
    void aForgedLineWithTheIndexOfAnotherIsInserted(int size, int index) {
        SignedLog log = log(size);
        List<byte[]> lines = new ArrayList<>(log.lines);
        lines.add(index, SignedLog.entry(SignedLog.ORGANIZATION, index, "forged-" + index));

        VerificationReport report = verify(lines, log.checkpoints());

        // the forged line and the entry are next to each other, so which of them is inserted, only the roots tell
        assertThat(report.findings()).filteredOn(f -> f.kind() == Kind.INSERTED).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.first()).isEqualTo(index);
                    assertThat(finding.message()).matches("line (" + (index + 1) + "|" + (index + 2)
                            + ") repeats entry " + index + " .*");
                });
        assertNotOk(report, log, index, size);
    }

    @ParameterizedTest(name = "size {0}, entry {1}")
    @MethodSource("positions")
    void aForgedLineOutOfAnySequenceIsInserted(int size, int index) {
        SignedLog log = log(size);
        List<byte[]> lines = new ArrayList<>(log.lines);
        lines.add(index, SignedLog.entry(SignedLog.ORGANIZATION, 1_000_000 + index, "forged-" + index));

        VerificationReport report = verify(lines, log.checkpoints());

        assertThat(report.findings()).anyMatch(f -> f.kind() == Kind.INSERTED && f.first() == 1_000_000 + index
                && f.message().startsWith("line " + (index + 1) + " holds entry " + (1_000_000 + index)
                + ", out of sequence"));
        assertThat(report.findings()).noneMatch(f -> f.kind() == Kind.DELETED || f.kind() == Kind.REORDERED);
        assertNotOk(report, log, index, size);
    }

    @ParameterizedTest(name = "size {0}, entries {1} and the next")
    @MethodSource("positions")
    void twoSwappedEntriesAreOutOfOrder(int size, int index) {
        SignedLog log = log(size);
        if (index == size - 1) {
            return;
        }
        List<byte[]> lines = new ArrayList<>(log.lines);
        lines.set(index, log.lines.get(index + 1));
        lines.set(index + 1, log.lines.get(index));

        VerificationReport report = verify(lines, log.checkpoints());

        assertThat(report.findings()).contains(new Finding(Kind.REORDERED, index, index + 1, "entries " + index
                + " and " + (index + 1) + " are out of order (lines " + (index + 1) + " and " + (index + 2) + ")"));
        assertThat(report.findings()).noneMatch(f -> f.kind() == Kind.DELETED || f.kind() == Kind.INSERTED);
        assertThat(report.findings()).anyMatch(f -> f.kind() == Kind.EDITED && f.first() <= index);
    }

    @Test
    void entriesMovedFarAreOutOfOrder() {
        SignedLog log = log(33);
        List<byte[]> lines = new ArrayList<>(log.lines);
        lines.add(3, lines.remove(20));

        VerificationReport report = verify(lines, log.checkpoints());

        assertThat(report.findings()).contains(Finding.at(Kind.REORDERED, 20,
                "entry 20 is out of order: line 4 holds it between entry 2 and entry 3"));
        assertThat(report.findings()).noneMatch(f -> f.kind() == Kind.DELETED || f.kind() == Kind.INSERTED);
    }

    @Test
    void aWholesaleTamperingIsSummedUpPastAHundredFindingsOfAKind() {
        SignedLog log = SignedLog.of(300);
        List<byte[]> reversed = new ArrayList<>(log.lines);
        Collections.reverse(reversed);

        VerificationReport report = verify(reversed, log.checkpoints());

        assertThat(report.findings()).filteredOn(f -> f.kind() == Kind.REORDERED)
                .hasSize(LogVerifier.FINDINGS_PER_KIND + 1)
                .last().isEqualTo(Finding.of(Kind.REORDERED, "and 199 more findings of the kind reordered"));
        assertThat(report.findings()).anyMatch(f -> f.kind() == Kind.EDITED);
    }

    @ParameterizedTest(name = "size {0}, kept {1}")
    @MethodSource("positions")
    void aTruncatedExportSaysHowMuchOfTheLogIsMissing(int size, int kept) {
        SignedLog log = log(size);

        VerificationReport report = verify(log.lines.subList(0, kept), log.checkpoints());

        assertThat(report.findings()).containsExactly(new Finding(Kind.TRUNCATED, kept, size - 1,
                "the export holds " + kept + " entries; " + lastListedAt(log, size) + " says the log has " + size));
    }

    @Test
    void aCheckpointSignedByAnUnknownKeyIsReported() {
        SignedLog log = log(9);
        List<ObjectNode> checkpoints = log.checkpoints();
        NoteSigner stranger = NoteSigner.generate(ORIGIN);
        checkpoints.add(SignedLog.listed(new Checkpoint(ORIGIN, 9, log.rootAt(9)), stranger, checkpoints.size()));

        VerificationReport report = verify(log.lines, checkpoints);

        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.UNSIGNED_CHECKPOINT);
            assertThat(finding.first()).isEqualTo(9);
            assertThat(finding.message()).startsWith("checkpoint " + checkpoints.size() + " (size 9, ")
                    .endsWith("does not verify with any known key: no known key signed the note");
        });
    }

    @ParameterizedTest(name = "size {0}")
    @ValueSource(ints = {1, 2, 3, 7, 8, 9, 100})
    void aForgedNoteDoesNotVerify(int size) {
        SignedLog log = log(size);
        List<ObjectNode> checkpoints = log.checkpoints();
        byte[] forgedRoot = MerkleTree.leafHash(bytes("forged"));
        ObjectNode last = checkpoints.get(checkpoints.size() - 1);
        String note = last.get("note").asText().replace(Base64.getEncoder().encodeToString(log.rootAt(size)),
                Base64.getEncoder().encodeToString(forgedRoot));
        checkpoints.add(SignedLog.listed(size, forgedRoot, CURRENT, note, checkpoints.size()));

        VerificationReport report = verify(log.lines, checkpoints);

        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.UNSIGNED_CHECKPOINT);
            assertThat(finding.message()).endsWith("does not verify with any known key: the signature of "
                    + ORIGIN + " does not verify");
        });
    }

    @Test
    void aCheckpointOfAnotherOrganizationIsForeign() {
        SignedLog log = log(8);
        List<ObjectNode> checkpoints = log.checkpoints();
        String globex = "infrashare.localhost/log/globex";
        checkpoints.add(SignedLog.listed(new Checkpoint(globex, 8, log.rootAt(8)), CURRENT, checkpoints.size()));

        VerificationReport report = verify(log.lines, checkpoints);

        assertThat(report.findings()).containsExactly(Finding.at(Kind.FOREIGN_CHECKPOINT, 8, "checkpoint "
                + checkpoints.size() + " (size 8, " + checkpoints.get(checkpoints.size() - 1).get("time").asText()
                + ") is of the log " + globex + ", not " + ORIGIN));
    }

    @Test
    void anEntryOfAnotherOrganizationIsInserted() {
        SignedLog log = log(8);
        List<byte[]> lines = new ArrayList<>(log.lines);
        lines.set(5, SignedLog.entry("globex", 5, "evt-5"));

        VerificationReport report = verify(lines, log.checkpoints());

        assertThat(report.findings()).contains(Finding.at(Kind.INSERTED, 5,
                "line 6 is an entry of the organization globex, not acme"));
        assertThat(report.findings()).anyMatch(f -> f.kind() == Kind.EDITED);
    }

    @ParameterizedTest(name = "forked at size {0}")
    @ValueSource(ints = {8, 9})
    void twoRootsSignedForOneSizeAreAFork(int forkedSize) {
        SignedLog log = log(9);
        List<ObjectNode> checkpoints = log.checkpoints();
        byte[] otherRoot = MerkleTree.leafHash(bytes("another history"));
        checkpoints.add(SignedLog.listed(new Checkpoint(ORIGIN, forkedSize, otherRoot), CURRENT, 99));
        checkpoints.sort(Comparator.comparingLong(c -> c.get("size").asLong()));

        VerificationReport report = verify(log.lines, checkpoints);

        // the export matches one of the two roots: the other is the one it contradicts
        assertThat(report.findings()).extracting(Finding::kind)
                .containsExactlyInAnyOrder(Kind.FORK, Kind.INCONSISTENT_CHECKPOINT);
        assertThat(report.findings()).allMatch(f -> f.first() == forkedSize);
    }

    @Test
    void aSignedCheckpointThatALaterOneContradictsIsInconsistent() {
        SignedLog log = log(100);
        List<ObjectNode> checkpoints = log.checkpoints();
        checkpoints.replaceAll(c -> c.get("size").asLong() != 16 ? c
                : SignedLog.listed(new Checkpoint(ORIGIN, 16, log.rootAt(15)), RETIRED, 4));

        VerificationReport report = verify(log.lines, checkpoints);

        // the checkpoint of size 16 was issued twice
        assertThat(report.findings()).hasSize(2).allSatisfy(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.INCONSISTENT_CHECKPOINT);
            assertThat(finding.first()).isEqualTo(16);
            assertThat(finding.message()).contains("is not consistent with the later checkpoint")
                    .endsWith("the export produces the root signed at size 100 but not the one signed at size 16");
        });
    }

    @Test
    void aLogThatShrinksIsInconsistent() {
        SignedLog log = log(9);
        List<ObjectNode> checkpoints = log.checkpoints();
        checkpoints.add(SignedLog.listed(new Checkpoint(ORIGIN, 4, log.rootAt(4)), CURRENT, checkpoints.size()));

        VerificationReport report = verify(log.lines, checkpoints);

        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.INCONSISTENT_CHECKPOINT);
            assertThat(finding.message()).endsWith(": a log never shrinks");
        });
    }

    @Test
    void aListingThatDisagreesWithItsNoteIsReported() {
        SignedLog log = log(9);
        List<ObjectNode> checkpoints = log.checkpoints();
        checkpoints.get(checkpoints.size() - 1).put("size", 10);

        VerificationReport report = verify(log.lines, checkpoints);

        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.UNSIGNED_CHECKPOINT);
            assertThat(finding.message()).contains("is listed with size 10").contains("its signed note says size 9");
        });
    }

    @Test
    void withoutAnyCheckpointNothingIsProven() {
        SignedLog log = log(3);

        VerificationReport report = verify(log.lines, List.of());

        assertThat(report.findings()).extracting(Finding::kind).containsExactly(Kind.NO_CHECKPOINT);
    }

    @Test
    void aPartialExportIsCheckedForItsSequenceOnly() {
        SignedLog log = log(17);

        VerificationReport ok = verify(log.lines.subList(5, 17), log.checkpoints(), 5);
        List<byte[]> swapped = new ArrayList<>(log.lines.subList(5, 17));
        swapped.add(1, swapped.remove(0));
        VerificationReport reordered = verify(swapped, log.checkpoints(), 5);

        assertThat(ok.findings()).isEmpty();
        assertThat(ok.summary()).isEqualTo("entries 5..16 of " + ORIGIN + " are in sequence and in canonical form;"
                + " their roots are not checked, as the export does not start at entry 0");
        assertThat(reordered.findings()).containsExactly(new Finding(Kind.REORDERED, 5, 6,
                "entries 5 and 6 are out of order (lines 1 and 2)"));
    }

    @Test
    void entriesAfterTheLatestCheckpointAreSaidToBeNotSignedYet() {
        SignedLog log = log(9);
        List<ObjectNode> checkpoints = log.checkpoints();
        checkpoints.removeIf(c -> c.get("size").asLong() == 9);

        VerificationReport report = verify(log.lines, checkpoints);

        assertThat(report.findings()).isEmpty();
        assertThat(report.summary()).endsWith("at size 8 signed by " + CURRENT.name()
                + "+" + NoteKeys.hex(CURRENT.keyId()) + "; entries 8..8 are after the latest checkpoint, not signed yet");
    }

    @Test
    void aKeySetWhoseFieldsNameAnotherKeyIsRefused() {
        String keys = text(SignedLog.keysJson(RETIRED, CURRENT));

        assertThatThrownBy(() -> PublishedKeys.parse(bytes(keys.replace(NoteKeys.hex(CURRENT.keyId()) + "\",",
                "0badc0de\","))))
                .isInstanceOf(PublishedKeys.RefusedKeysException.class).hasMessageContaining("kid 0badc0de");
        String otherX = NoteSigner.generate("x").verifier().jwkX();
        String retiredX = RETIRED.verifier().jwkX();
        assertThatThrownBy(() -> PublishedKeys.parse(bytes(keys.replace(retiredX, otherX))))
                .isInstanceOf(PublishedKeys.RefusedKeysException.class).hasMessageContaining("x that is not");
    }

    /**
     * Not OK, and when a checkpoint the export reaches (of size {@code reached} at most) covers the first line
     * changed, a root fails from before that line on.
     */
    private static void assertNotOk(VerificationReport report, SignedLog log, long firstChanged, long reached) {
        assertThat(report.ok()).isFalse();
        if (firstChanged < reached && !log.checkpointSizes.subSet(firstChanged, false, reached, true).isEmpty()) {
            assertThat(report.findings()).anyMatch(f -> f.kind() == Kind.EDITED && f.first() <= firstChanged
                    && firstChanged <= f.last());
        }
    }

    private static String lastListedAt(SignedLog log, int size) {
        List<ObjectNode> checkpoints = log.checkpoints();
        int position = 0;
        for (int i = 0; i < checkpoints.size(); i++) {
            if (checkpoints.get(i).get("size").asLong() == size && position == 0) {
                position = i + 1;
            }
        }
        return "checkpoint " + position + " (size " + size + ", " + checkpoints.get(position - 1).get("time").asText()
                + ")";
    }
}

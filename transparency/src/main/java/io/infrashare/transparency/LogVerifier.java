package io.infrashare.transparency;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks an organization's log export against its signed checkpoints, offline: each line must be the canonical
 * RFC 8785 form of an entry of that organization, the {@code logindex} of the lines must run from the export's start
 * without gap, repeat or swap, and the lines, hashed as RFC 9162 leaves, must produce the root every checkpoint
 * signs at its size. A checkpoint counts only when a known key signed it and it names the organization's log.
 * <p>
 * Any root that does not match is a finding, whether or not the sequence tells what happened, so a tampered export
 * that starts at entry 0 is never reported as fine. An export that starts later can be checked for its sequence
 * and its form only: a root covers the whole log, and the report says so.
 * <p>
 * The export is read once, a line at a time; the roots come from a {@link CompactRange}, and what is kept per line
 * is its index and a hash of its event id (16 bytes).
 */
public final class LogVerifier {

    /** Findings of one kind past this many are summed up in one, so a wholesale tampering stays readable. */
    static final int FINDINGS_PER_KIND = 100;

    private static final JsonFactory JSON = new JsonFactory();

    private final List<NoteVerifier> keys;
    private final List<PublishedCheckpoint> checkpoints;
    private final Optional<String> organization;
    private final long from;

    /**
     * @param organization the organization whose log this is; when empty, the one the first signed checkpoint names
     *                     (or the export's first line, when no checkpoint is signed)
     * @param from         the log index of the export's first line, 0 for a whole log
     */
    public LogVerifier(List<NoteVerifier> keys, List<PublishedCheckpoint> checkpoints, Optional<String> organization,
                       long from) {
        this.keys = List.copyOf(keys);
        this.checkpoints = List.copyOf(checkpoints);
        this.organization = organization;
        this.from = from;
    }

    public VerificationReport verify(InputStream export) throws IOException {
        List<Finding> findings = new ArrayList<>();
        List<Signed> signed = openCheckpoints(findings);
        Set<Long> sizes = signed.stream().map(Signed::size).collect(Collectors.toSet());
        Map<Long, byte[]> rootsAtSize = new HashMap<>();

        // the signed checkpoints name the organization better than the export's lines, which anyone can write
        Optional<String> named = organization.or(() -> signed.stream().findFirst()
                .map(checkpoint -> lastSegment(checkpoint.checkpoint().origin())));
        Export read = readExport(export, named, sizes, rootsAtSize, findings);
        List<Signed> ours = ofTheLog(signed, read.organization(), findings);

        findings.addAll(read.sequence().findings());
        findForks(ours, findings);
        findShrinking(ours, findings);
        Optional<Signed> latest = from == 0 ? compareRoots(ours, rootsAtSize, read.sequence().lines(), findings)
                : Optional.empty();
        findTruncation(ours, read.sequence().end(), findings);
        if (ours.isEmpty()) {
            findings.add(Finding.of(Finding.Kind.NO_CHECKPOINT, "no signed checkpoint of the log of "
                    + read.organization() + ": nothing to check the export's root against"));
        }
        return new VerificationReport(capped(findings), summary(read, ours, latest));
    }

    /** A checkpoint whose note a known key signed; {@code signers} are those keys. */
    private record Signed(PublishedCheckpoint published, Checkpoint checkpoint, List<NoteVerifier> signers) {

        long size() {
            return checkpoint.size();
        }
    }

    private record Export(EntrySequence sequence, String organization) {
    }

    private List<Signed> openCheckpoints(List<Finding> findings) {
        List<Signed> signed = new ArrayList<>();
        for (PublishedCheckpoint published : checkpoints) {
            try {
                SignedNote note = SignedNote.parse(published.note());
                List<NoteVerifier> signers = note.verify(keys);
                Checkpoint checkpoint = Checkpoint.parse(note.text());
                checkListing(published, checkpoint, note, findings);
                signed.add(new Signed(published, checkpoint, signers));
            } catch (MalformedNoteException e) {
                findings.add(Finding.at(Finding.Kind.UNSIGNED_CHECKPOINT, published.size(),
                        published.label() + " is not a signed checkpoint: " + e.getMessage()));
            } catch (NoteVerificationException e) {
                findings.add(Finding.at(Finding.Kind.UNSIGNED_CHECKPOINT, published.size(), published.label()
                        + " does not verify with any known key: " + e.getMessage()));
            }
        }
        return signed;
    }

    private static void checkListing(PublishedCheckpoint published, Checkpoint checkpoint, SignedNote note,
                                     List<Finding> findings) {
        String root = Base64.getEncoder().encodeToString(checkpoint.rootHash());
        if (published.size() != checkpoint.size() || !published.rootHash().equals(root)) {
            findings.add(Finding.at(Finding.Kind.UNSIGNED_CHECKPOINT, published.size(), published.label()
                    + " is listed with size " + published.size() + " and root " + published.rootHash()
                    + ", but its signed note says size " + checkpoint.size() + " and root " + root));
        }
        if (note.signatures().stream().noneMatch(s -> NoteKeys.hex(s.keyId()).equals(published.keyId()))) {
            findings.add(Finding.at(Finding.Kind.UNSIGNED_CHECKPOINT, published.size(), published.label()
                    + " is listed as signed by key " + published.keyId() + ", which did not sign its note"));
        }
    }

    /**
     * The checkpoints of the organization's log: the origin of the first one that names the organization is the
     * log's, and a checkpoint of any other origin is reported.
     */
    private static List<Signed> ofTheLog(List<Signed> signed, String org, List<Finding> findings) {
        Optional<String> origin = signed.stream().map(s -> s.checkpoint().origin())
                .filter(o -> lastSegment(o).equals(org)).findFirst();
        List<Signed> ours = new ArrayList<>();
        for (Signed checkpoint : signed) {
            if (origin.isPresent() && checkpoint.checkpoint().origin().equals(origin.get())) {
                ours.add(checkpoint);
            } else {
                findings.add(Finding.at(Finding.Kind.FOREIGN_CHECKPOINT, checkpoint.size(),
                        checkpoint.published().label() + " is of the log " + checkpoint.checkpoint().origin()
                                + ", not " + origin.orElse("of the organization " + org)));
            }
        }
        return ours;
    }

    private Export readExport(InputStream export, Optional<String> named, Set<Long> sizes,
                              Map<Long, byte[]> rootsAtSize, List<Finding> findings) throws IOException {
        EntrySequence sequence = new EntrySequence(from);
        CompactRange range = CompactRange.empty();
        ExportLines lines = new ExportLines(export);
        String firstOrganization = null;
        if (sizes.contains(0L)) {
            rootsAtSize.put(0L, range.rootHash());
        }
        for (byte[] line = lines.next(); line != null; line = lines.next()) {
            long lineNumber = sequence.lines() + 1;
            range.append(MerkleTree.leafHash(line));
            if (sizes.contains(range.size())) {
                rootsAtSize.put(range.size(), range.rootHash());
            }

            Entry entry = Entry.read(line);
            if (entry == null) {
                findings.add(Finding.at(Finding.Kind.EDITED, from + lineNumber - 1,
                        "line " + lineNumber + " is not a log entry (a JSON object with a logindex): it was edited"));
                sequence.add(EntrySequence.UNKNOWN, null);
                continue;
            }
            sequence.add(entry.logIndex(), entry.id());
            String expected = named.orElse(firstOrganization);
            if (firstOrganization == null) {
                firstOrganization = entry.organization();
            }
            if (expected != null && !expected.equals(entry.organization())) {
                findings.add(Finding.at(Finding.Kind.INSERTED, entry.logIndex(), "line " + lineNumber
                        + " is an entry of the organization " + entry.organization() + ", not " + expected));
            }
            if (!isCanonical(line)) {
                findings.add(Finding.at(Finding.Kind.EDITED, entry.logIndex(), "entry " + entry.logIndex()
                        + " (line " + lineNumber + ") is not in the canonical RFC 8785 form it was logged in:"
                        + " it was edited"));
            }
        }
        return new Export(sequence, named.orElse(firstOrganization));
    }

    private static boolean isCanonical(byte[] line) {
        try {
            return Arrays.equals(line, CanonicalJson.canonicalize(new String(line, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The members of a line that the sequence and the organization checks need. */
    private record Entry(long logIndex, String id, String organization) {

        /** The entry a line holds, or null if it is no JSON object with an integer {@code logindex}. */
        static Entry read(byte[] line) {
            long logIndex = EntrySequence.UNKNOWN;
            String id = null;
            String organization = null;
            try (JsonParser parser = JSON.createParser(line)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return null;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (name.equals("logindex") && value == JsonToken.VALUE_NUMBER_INT) {
                        logIndex = parser.getLongValue();
                    } else if (name.equals("id") && value == JsonToken.VALUE_STRING) {
                        id = parser.getText();
                    } else if (name.equals("organization") && value == JsonToken.VALUE_STRING) {
                        organization = parser.getText();
                    } else {
                        parser.skipChildren();
                    }
                }
                if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                    return null;
                }
            } catch (IOException e) {
                return null;
            }
            return logIndex < 0 ? null : new Entry(logIndex, id, organization);
        }
    }

    private static void findForks(List<Signed> ours, List<Finding> findings) {
        Map<Long, Signed> firstOfSize = new HashMap<>();
        for (Signed checkpoint : ours) {
            Signed first = firstOfSize.putIfAbsent(checkpoint.size(), checkpoint);
            if (first != null
                    && !MessageDigest.isEqual(first.checkpoint().rootHash(), checkpoint.checkpoint().rootHash())) {
                findings.add(Finding.at(Finding.Kind.FORK, checkpoint.size(), first.published().label() + " and "
                        + checkpoint.published().label() + " sign different roots for the same size: the log forked"));
            }
        }
    }

    /** Listed oldest first, the checkpoints of a log that only grows never go down in size. */
    private static void findShrinking(List<Signed> ours, List<Finding> findings) {
        Signed largest = null;
        for (Signed checkpoint : ours) {
            if (largest != null && checkpoint.size() < largest.size()) {
                findings.add(Finding.at(Finding.Kind.INCONSISTENT_CHECKPOINT, checkpoint.size(),
                        checkpoint.published().label() + " comes after " + largest.published().label()
                                + ": a log never shrinks"));
            } else {
                largest = checkpoint;
            }
        }
    }

    /**
     * Compares each checkpoint the export reaches with the root of the export's first lines at its size. A failing
     * checkpoint contradicts a holding one of its size or greater (the export is what that one signs); otherwise the entries between the last holding checkpoint and the first failing one were
     * changed. Returns the checkpoint of the greatest size that holds.
     */
    private static Optional<Signed> compareRoots(List<Signed> ours, Map<Long, byte[]> rootsAtSize, long lines,
                                                 List<Finding> findings) {
        List<Signed> reached = ours.stream().filter(c -> c.size() <= lines)
                .sorted((a, b) -> Long.compare(a.size(), b.size())).toList();
        Signed latestHolding = null;
        for (Signed checkpoint : reached) {
            if (holds(checkpoint, rootsAtSize)) {
                latestHolding = checkpoint;
            }
        }
        Signed lastHoldingBefore = null;
        for (Signed checkpoint : reached) {
            if (holds(checkpoint, rootsAtSize)) {
                lastHoldingBefore = checkpoint;
            } else if (latestHolding != null && latestHolding.size() >= checkpoint.size()) {
                findings.add(Finding.at(Finding.Kind.INCONSISTENT_CHECKPOINT, checkpoint.size(),
                        checkpoint.published().label() + " is not consistent with the "
                                + (latestHolding.size() > checkpoint.size() ? "later " : "other ")
                                + latestHolding.published().label() + ": the export produces the root signed at size "
                                + latestHolding.size() + " but not the one signed at size " + checkpoint.size()));
            } else {
                long first = lastHoldingBefore == null ? 0 : lastHoldingBefore.size();
                long last = checkpoint.size() - 1;
                findings.add(new Finding(Finding.Kind.EDITED, first, last, (first == last ? "entry " + first + " does"
                        : "entries " + first + ".." + last + " do") + " not produce the root signed at size "
                        + checkpoint.size() + "; the first checkpoint that fails is size " + checkpoint.size()
                        + (lastHoldingBefore == null ? ", and none before it holds"
                                : ", the last that holds is size " + lastHoldingBefore.size())));
                return Optional.empty();
            }
        }
        return Optional.ofNullable(latestHolding);
    }

    private static boolean holds(Signed checkpoint, Map<Long, byte[]> rootsAtSize) {
        return MessageDigest.isEqual(rootsAtSize.get(checkpoint.size()), checkpoint.checkpoint().rootHash());
    }

    private void findTruncation(List<Signed> ours, long end, List<Finding> findings) {
        ours.stream().filter(c -> c.size() > end).max((a, b) -> Long.compare(a.size(), b.size()))
                .ifPresent(longest -> findings.add(new Finding(Finding.Kind.TRUNCATED, end, longest.size() - 1,
                        (from == 0 ? "the export holds " + end + " entries" : "the export ends at entry " + (end - 1))
                                + "; " + longest.published().label() + " says the log has " + longest.size())));
    }

    private String summary(Export read, List<Signed> ours, Optional<Signed> latest) {
        int lines = read.sequence().lines();
        String origin = ours.isEmpty() ? "the log of " + read.organization() : ours.get(0).checkpoint().origin();
        if (from != 0 && lines == 0) {
            return "no entries of " + origin + " from entry " + from;
        }
        if (from != 0) {
            return "entries " + from + ".." + (from + lines - 1) + " of " + origin + " are in sequence and in"
                    + " canonical form; their roots are not checked, as the export does not start at entry 0";
        }
        if (latest.isEmpty()) {
            return lines + " entries of " + origin + ", no checkpoint within them";
        }
        Signed head = latest.get();
        Set<String> signers = new LinkedHashSet<>();
        ours.stream().filter(c -> c.size() == head.size())
                .forEach(c -> c.signers().forEach(key -> signers.add(key.name() + "+" + NoteKeys.hex(key.keyId()))));
        String unsigned = lines > head.size()
                ? "; entries " + head.size() + ".." + (lines - 1) + " are after the latest checkpoint, not signed yet"
                : "";
        return lines + " entries of " + origin + ", root " + Base64.getEncoder().encodeToString(
                head.checkpoint().rootHash()) + " at size " + head.size() + " signed by " + String.join(", ", signers)
                + unsigned;
    }

    private static String lastSegment(String origin) {
        return origin.substring(origin.lastIndexOf('/') + 1);
    }

    private static List<Finding> capped(List<Finding> findings) {
        Map<Finding.Kind, List<Finding>> byKind = new EnumMap<>(Finding.Kind.class);
        List<Finding> kept = new ArrayList<>();
        for (Finding finding : findings) {
            List<Finding> ofKind = byKind.computeIfAbsent(finding.kind(), kind -> new ArrayList<>());
            ofKind.add(finding);
            if (ofKind.size() <= FINDINGS_PER_KIND) {
                kept.add(finding);
            }
        }
        byKind.forEach((kind, ofKind) -> {
            if (ofKind.size() > FINDINGS_PER_KIND) {
                kept.add(Finding.of(kind, "and " + (ofKind.size() - FINDINGS_PER_KIND) + " more findings of the kind "
                        + kind.name().toLowerCase().replace('_', ' ')));
            }
        });
        return kept;
    }
}

package io.infrashare.transparency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code logindex} and event id of each line of an export, in the order of the lines, and what their sequence
 * says happened to it: indexes skipped (deleted entries), indexes or ids repeated and indexes out of any sequence
 * (inserted lines), indexes in another order (reordered entries). An untampered export is {@code from, from + 1, ...}
 * and costs a comparison per line; only a broken sequence is analysed further.
 * <p>
 * Ids are kept as the first 8 bytes of their SHA-256: a million lines take 8 MB, and two different ids look alike
 * with a probability under 10<sup>-7</sup> in a million lines.
 */
final class EntrySequence {

    /** A line whose index could not be read; the line is reported as it is read. */
    static final long UNKNOWN = -1;

    private final long from;
    private long[] indexes = new long[1024];
    private long[] idHashes = new long[1024];
    private int lines;
    private boolean inSequence = true;

    EntrySequence(long from) {
        this.from = from;
    }

    void add(long logIndex, String id) {
        if (lines == indexes.length) {
            indexes = Arrays.copyOf(indexes, lines * 2);
            idHashes = Arrays.copyOf(idHashes, lines * 2);
        }
        inSequence &= logIndex == from + lines;
        indexes[lines] = logIndex;
        idHashes[lines] = id == null ? 0 : idHash(id);
        lines++;
    }

    int lines() {
        return lines;
    }

    /** One past the highest index the export holds in sequence: where the export says the log ends. */
    long end() {
        if (inSequence) {
            return from + lines;
        }
        List<Integer> run = inOrder();
        return Math.max(from + lines, run.isEmpty() ? from : indexes[run.get(run.size() - 1)] + 1);
    }

    List<Finding> findings() {
        List<Finding> findings = new ArrayList<>();
        boolean[] repeated = new boolean[lines];
        if (!inSequence) {
            List<Integer> run = inOrder();
            boolean[] member = new boolean[lines];
            run.forEach(p -> member[p] = true);
            findRepeatedIndexes(findings, run, member, repeated);
            findOutOfSequence(findings, run, member, repeated);
        }
        findRepeatedIds(findings, repeated);
        findings.sort(Comparator.comparingLong(Finding::first));
        return findings;
    }

    /**
     * Of the lines with the same index, the one in sequence is the entry and the others were inserted; when none is
     * in sequence, the first is taken for the entry.
     */
    private void findRepeatedIndexes(List<Finding> findings, List<Integer> run, boolean[] member,
                                     boolean[] repeated) {
        Map<Long, Integer> entryLine = new HashMap<>();
        run.forEach(p -> entryLine.put(indexes[p], p));
        for (int p = 0; p < lines; p++) {
            if (member[p] || indexes[p] == UNKNOWN) {
                continue;
            }
            Integer entry = entryLine.putIfAbsent(indexes[p], p);
            if (entry != null) {
                repeated[p] = true;
                findings.add(Finding.at(Finding.Kind.INSERTED, indexes[p], "line " + (p + 1) + " repeats entry "
                        + indexes[p] + " (line " + (entry + 1) + "): it was inserted"));
            }
        }
    }

    /** A line already found to repeat an index is not reported again for its id. */
    private void findRepeatedIds(List<Finding> findings, boolean[] repeated) {
        long[] sorted = Arrays.copyOf(idHashes, lines);
        Arrays.sort(sorted);
        Set<Long> twice = new HashSet<>();
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1] && sorted[i] != 0) {
                twice.add(sorted[i]);
            }
        }
        if (twice.isEmpty()) {
            return;
        }
        Map<Long, Integer> firstLine = new HashMap<>();
        for (int p = 0; p < lines; p++) {
            if (repeated[p] || !twice.contains(idHashes[p])) {
                continue;
            }
            Integer first = firstLine.putIfAbsent(idHashes[p], p);
            if (first != null) {
                findings.add(Finding.at(Finding.Kind.INSERTED, indexes[p], "line " + (p + 1)
                        + " repeats the event id of line " + (first + 1) + ": it was inserted"));
            }
        }
    }

    /**
     * The lines that are in sequence are the longest increasing run of indexes through the export; every other line
     * either fills a gap of that run (an entry out of order) or lies outside it (an inserted line), and the gaps left
     * unfilled are deleted entries.
     */
    private void findOutOfSequence(List<Finding> findings, List<Integer> inOrder, boolean[] member,
                                   boolean[] repeated) {
        int[] runLines = inOrder.stream().mapToInt(Integer::intValue).toArray();
        long[] run = inOrder.stream().mapToLong(p -> indexes[p]).toArray();
        long last = run.length == 0 ? from - 1 : run[run.length - 1];
        long strays = 0;
        for (int p = 0; p < lines; p++) {
            strays += !member[p] && !repeated[p] && indexes[p] != UNKNOWN ? 1 : 0;
        }
        // a stray just past the run's end is one of its last entries moved earlier, not a line from nowhere
        long end = last + 1 + strays;
        TreeSet<Long> filled = new TreeSet<>();
        for (int p = 0; p < lines; p++) {
            long index = indexes[p];
            if (member[p] || repeated[p] || index == UNKNOWN) {
                continue;
            }
            if (index < from || index >= end || !filled.add(index)) {
                findings.add(Finding.at(Finding.Kind.INSERTED, index, "line " + (p + 1) + " holds entry " + index
                        + ", out of sequence " + between(p, runLines) + ": it was inserted"));
            } else {
                findings.add(outOfOrder(p, runLines, run));
            }
        }
        long expected = from;
        for (long index : run) {
            for (long filler : filled.subSet(expected, index)) {
                addGap(findings, expected, filler - 1);
                expected = filler + 1;
            }
            addGap(findings, expected, index - 1);
            expected = index + 1;
        }
    }

    private static void addGap(List<Finding> findings, long first, long last) {
        if (first == last) {
            findings.add(Finding.at(Finding.Kind.DELETED, first, "entry " + first + " is missing"));
        } else if (first < last) {
            findings.add(new Finding(Finding.Kind.DELETED, first, last,
                    "entries " + first + ".." + last + " are missing"));
        }
    }

    /**
     * The entry at line {@code p}, out of the run in sequence, belongs right after the run's entry with the highest
     * index below its own. When it jumped over exactly one entry of the run to get where it is, the two are a
     * swapped pair. Ranks are places in the run, found by binary search: the run's lines and indexes both increase.
     */
    private Finding outOfOrder(int p, int[] runLines, long[] run) {
        long index = indexes[p];
        int belongsAfter = rankOf(run, index) - 1;
        int linesBefore = rankOf(runLines, p);
        int jumped = linesBefore - 1 > belongsAfter ? linesBefore - 1 - belongsAfter : belongsAfter - linesBefore + 1;
        if (jumped == 1) {
            int q = runLines[linesBefore - 1 > belongsAfter ? linesBefore - 1 : belongsAfter];
            long low = Math.min(index, indexes[q]);
            long high = Math.max(index, indexes[q]);
            return new Finding(Finding.Kind.REORDERED, low, high, "entries " + low + " and " + high
                    + " are out of order (lines " + (Math.min(p, q) + 1) + " and " + (Math.max(p, q) + 1) + ")");
        }
        return Finding.at(Finding.Kind.REORDERED, index, "entry " + index + " is out of order: line " + (p + 1)
                + " holds it " + between(p, runLines));
    }

    /** Between which entries of the run line {@code p} stands. */
    private String between(int p, int[] runLines) {
        int after = rankOf(runLines, p);
        String previous = after == 0 ? "the start" : "entry " + indexes[runLines[after - 1]];
        String next = after == runLines.length ? "the end" : "entry " + indexes[runLines[after]];
        return "between " + previous + " and " + next;
    }

    /** How many of these increasing values are below {@code value}. */
    private static int rankOf(long[] increasing, long value) {
        int rank = Arrays.binarySearch(increasing, value);
        return rank >= 0 ? rank : -rank - 1;
    }

    private static int rankOf(int[] increasing, int value) {
        int rank = Arrays.binarySearch(increasing, value);
        return rank >= 0 ? rank : -rank - 1;
    }

    /** The lines of the longest strictly increasing run of indexes, by patience sorting. */
    private List<Integer> inOrder() {
        int[] tails = new int[lines];
        int[] previous = new int[lines];
        int length = 0;
        for (int p = 0; p < lines; p++) {
            if (indexes[p] == UNKNOWN) {
                continue;
            }
            int low = 0;
            int high = length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (indexes[tails[middle]] < indexes[p]) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            previous[p] = low > 0 ? tails[low - 1] : -1;
            tails[low] = p;
            length = Math.max(length, low + 1);
        }
        Integer[] run = new Integer[length];
        for (int i = length - 1, p = length == 0 ? -1 : tails[length - 1]; i >= 0; i--, p = previous[p]) {
            run[i] = p;
        }
        return Arrays.asList(run);
    }

    private static long idHash(String id) {
        return ByteBuffer.wrap(MerkleTree.sha256().digest(id.getBytes(StandardCharsets.UTF_8))).getLong();
    }
}

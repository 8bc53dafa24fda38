package io.infrashare.faultrun;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The run's figures, the way Kafka's system tests judge delivery: every acknowledged command stored, every stored
 * event published and applied exactly once, each aggregate's events in their order everywhere.
 *
 * @param acknowledged    commands answered 2xx
 * @param refused         commands answered 4xx (rules, or an earlier command that was not recorded)
 * @param unknown         commands without a final answer (the node died, the key stayed in progress)
 * @param stored          events in the event store
 * @param published       distinct stored events found on the topic
 * @param topicRecords    records on the topic, duplicates included
 * @param applied         distinct events in the query side's audit logs
 * @param lost            acknowledged commands without a stored event, gaps in an aggregate's history, and stored
 *                        events missing from the topic or from the read models
 * @param duplicated      events the read models hold more than once, or positions given twice
 * @param outOfOrder      events seen after a later event of the same aggregate, on the topic or in the read models,
 *                        or applied in another order than the topic's
 * @param stateDifferences query-side answers that differ from the state folded from the store
 * @param kills           kills per process
 * @param maxRecovery     the longest recovery, from a restart until a new command is visible on the query side
 */
record Figures(long acknowledged, long refused, long unknown, long stored, long published, long topicRecords,
               long applied, long lost, long duplicated, long outOfOrder, long stateDifferences,
               Map<String, Integer> kills, Duration maxRecovery, List<String> problems) {

    boolean passed() {
        return lost == 0 && duplicated == 0 && outOfOrder == 0 && stateDifferences == 0;
    }

    static Figures of(Ledger ledger, Evidence evidence, List<String> stateDifferences, List<Chaos.Recovery> recoveries,
                      List<Member> members) {
        List<String> problems = new ArrayList<>(stateDifferences);
        Map<String, Evidence.StoredEvent> stored = new LinkedHashMap<>();
        evidence.stored().forEach(event -> stored.put(event.id(), event));
        Set<String> storedCorrelations = evidence.stored().stream()
                .map(event -> event.event().provenance().clientReference()).collect(Collectors.toSet());

        long lost = 0;
        for (Ledger.Entry entry : ledger.entries()) {
            if (entry.verdict() == Ledger.Verdict.ACKNOWLEDGED && !storedCorrelations.contains(entry.correlationId())) {
                lost++;
                problems.add("acknowledged but not stored: " + entry);
            }
        }
        Set<String> published = evidence.published().stream().map(Evidence.PublishedRecord::id)
                .collect(Collectors.toSet());
        Set<String> applied = new HashSet<>();
        long duplicated = 0;
        Map<String, Set<Long>> positions = new HashMap<>();
        for (Evidence.AppliedEntry entry : evidence.applied()) {
            if (!applied.add(entry.id())) {
                duplicated++;
                problems.add("applied twice: " + entry);
            }
            if (!positions.computeIfAbsent(entry.organization(), org -> new HashSet<>()).add(entry.position())) {
                duplicated++;
                problems.add("position given twice: " + entry);
            }
            if (!stored.containsKey(entry.id())) {
                duplicated++;
                problems.add("applied but never stored: " + entry);
            }
        }
        for (String id : stored.keySet()) {
            if (!published.contains(id)) {
                lost++;
                problems.add("stored but not published: " + stored.get(id));
            }
            if (!applied.contains(id)) {
                lost++;
                problems.add("stored but not applied: " + stored.get(id));
            }
        }
        lost += historyGaps(evidence, problems);
        long outOfOrder = topicOrder(evidence, stored, problems) + appliedOrder(evidence, stored, problems);

        Map<String, Integer> kills = new LinkedHashMap<>();
        members.forEach(member -> kills.put(member.name(), member.kills()));
        Duration maxRecovery = recoveries.stream().map(Chaos.Recovery::recovery).max(Comparator.naturalOrder())
                .orElse(Duration.ZERO);
        return new Figures(ledger.count(Ledger.Verdict.ACKNOWLEDGED), ledger.count(Ledger.Verdict.REFUSED),
                ledger.count(Ledger.Verdict.UNKNOWN), stored.size(),
                stored.keySet().stream().filter(published::contains).count(), evidence.published().size(),
                applied.size(), lost, duplicated, outOfOrder, stateDifferences.size(), kills, maxRecovery,
                problems);
    }

    /** Each aggregate's history is one line, 0, 1, 2, ...: a missing sequence number is an event lost. */
    private static long historyGaps(Evidence evidence, List<String> problems) {
        Map<String, Long> next = new HashMap<>();
        long gaps = 0;
        List<Evidence.StoredEvent> bySequence = new ArrayList<>(evidence.stored());
        bySequence.sort(Comparator.comparing(Evidence.StoredEvent::aggregate)
                .thenComparingLong(Evidence.StoredEvent::sequence));
        for (Evidence.StoredEvent event : bySequence) {
            long expected = next.getOrDefault(event.aggregate(), 0L);
            if (event.sequence() != expected) {
                gaps++;
                problems.add("history of " + event.aggregate() + " goes from #" + (expected - 1) + " to #"
                        + event.sequence());
            }
            next.put(event.aggregate(), event.sequence() + 1);
        }
        return gaps;
    }

    /** Within each partition, the first copy of each event must come after the earlier events of its aggregate. */
    private static long topicOrder(Evidence evidence, Map<String, Evidence.StoredEvent> stored, List<String> problems) {
        Map<Integer, List<Evidence.PublishedRecord>> partitions = evidence.published().stream()
                .collect(Collectors.groupingBy(Evidence.PublishedRecord::partition));
        long inversions = 0;
        for (List<Evidence.PublishedRecord> partition : partitions.values()) {
            partition.sort(Comparator.comparingLong(Evidence.PublishedRecord::offset));
            Set<String> seen = new HashSet<>();
            List<Evidence.StoredEvent> firsts = new ArrayList<>();
            for (Evidence.PublishedRecord record : partition) {
                if (seen.add(record.id()) && stored.containsKey(record.id())) {
                    firsts.add(stored.get(record.id()));
                }
            }
            inversions += inversions(firsts, "on the topic", problems);
        }
        return inversions;
    }

    /**
     * In each organization's audit log, by position: each aggregate's events in their order, and the events in the
     * order of their first copies on the topic (an organization is one partition).
     */
    private static long appliedOrder(Evidence evidence, Map<String, Evidence.StoredEvent> stored,
                                     List<String> problems) {
        Map<String, List<Evidence.AppliedEntry>> organizations = evidence.applied().stream()
                .collect(Collectors.groupingBy(Evidence.AppliedEntry::organization));
        Map<String, Long> firstOffsets = new HashMap<>();
        evidence.published().forEach(record -> firstOffsets.merge(record.id(), record.offset(), Math::min));
        long inversions = 0;
        for (List<Evidence.AppliedEntry> entries : organizations.values()) {
            entries.sort(Comparator.comparingLong(Evidence.AppliedEntry::position));
            List<Evidence.StoredEvent> events = entries.stream().map(entry -> stored.get(entry.id()))
                    .filter(Objects::nonNull).toList();
            inversions += inversions(events, "in the read models", problems);
            long previous = -1;
            for (Evidence.AppliedEntry entry : entries) {
                long offset = firstOffsets.getOrDefault(entry.id(), Long.MAX_VALUE);
                if (offset < previous) {
                    inversions++;
                    problems.add("applied in another order than the topic's: " + entry);
                }
                previous = Math.max(previous, offset);
            }
        }
        return inversions;
    }

    private static long inversions(List<Evidence.StoredEvent> events, String where, List<String> problems) {
        Map<String, Long> last = new HashMap<>();
        long inversions = 0;
        for (Evidence.StoredEvent event : events) {
            Long previous = last.put(event.aggregate(), event.sequence());
            if (previous != null && previous >= event.sequence()) {
                inversions++;
                problems.add("out of order " + where + ": " + event.aggregate() + " #" + event.sequence()
                        + " after #" + previous);
            }
        }
        return inversions;
    }

    void print(PrintStream out, Settings settings, Duration elapsed) {
        out.printf("fault run: %s of load with kills, %d clients, seed %d, %s in all%n",
                format(settings.duration()), settings.clients(), settings.seed(), format(elapsed));
        out.printf("  acknowledged      %8d   (refused %d, unknown %d)%n", acknowledged, refused, unknown);
        out.printf("  stored            %8d%n", stored);
        out.printf("  published         %8d   (%d records on the topic)%n", published, topicRecords);
        out.printf("  applied           %8d%n", applied);
        out.printf("  lost              %8d%n", lost);
        out.printf("  duplicated        %8d%n", duplicated);
        out.printf("  out of order      %8d%n", outOfOrder);
        out.printf("  state differences %8d%n", stateDifferences);
        out.printf("  kills             %8d   %s%n", kills.values().stream().mapToInt(Integer::intValue).sum(),
                kills);
        out.printf("  max recovery      %8.1f s%n", maxRecovery.toMillis() / 1000.0);
        problems.stream().limit(20).forEach(problem -> out.println("  ! " + problem));
        if (problems.size() > 20) {
            out.println("  ! ... and " + (problems.size() - 20) + " more");
        }
        out.println(passed() ? "PASSED" : "FAILED");
    }

    private static String format(Duration duration) {
        return duration.toSeconds() >= 120 ? duration.toMinutes() + " min" : duration.toSeconds() + " s";
    }
}

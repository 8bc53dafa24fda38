package io.infrashare.faultrun;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** What clients were told. Only an acknowledged command is a promise; a refused or unanswered one is not. */
final class Ledger {

    enum Verdict {
        /** a 2xx answer, first or replayed */
        ACKNOWLEDGED,
        /** a 4xx that is not a lost race: nothing was to be recorded */
        REFUSED,
        /** no answer in time, or the key still in progress: it may or may not have been recorded */
        UNKNOWN
    }

    /** @param problem the last segment of the problem type of a 4xx, such as {@code not-shared} */
    record Entry(String organization, String correlationId, String request, Verdict verdict, int status,
                 String problem, int attempts) {
    }

    private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();

    void record(Entry entry) {
        entries.add(entry);
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    long count(Verdict verdict) {
        return entries.stream().filter(entry -> entry.verdict() == verdict).count();
    }

    long retried() {
        return entries.stream().filter(entry -> entry.attempts() > 1).count();
    }
}

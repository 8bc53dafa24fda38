package io.infrashare.query;

import io.infrashare.events.LogSeal;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.Topic;
import io.infrashare.events.WireRecord;
import io.infrashare.testing.TestLogKey;
import io.infrashare.transparency.CompactRange;
import io.infrashare.transparency.NoteSigner;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Seals records as the command side's publisher does: each organization's next index, its leaf hash, the signed
 * checkpoint. An event sealed again gets the same record, as the publisher's resend does. Continuing a side's logs, it
 * starts each organization's log where that side's stands, and leaves an event the side has logged at its place.
 */
public final class LogSealer {

    public static final String ORIGIN_PREFIX = "infrashare.localhost/log";

    private final Committed committed;
    private final NoteSigner signer;
    private final Map<String, WireRecord> sealed = new HashMap<>();
    private final Map<OrganizationId, CompactRange> trees = new HashMap<>();

    /** What a side has logged already. */
    public interface Committed {

        /** The index the side logged the event at, if it did. */
        Optional<Long> loggedIndex(String eventId);

        /** The organization's tree as the side holds it. */
        CompactRange tree(OrganizationId organization);
    }

    private LogSealer(Committed committed, NoteSigner signer) {
        this.committed = committed;
        this.signer = signer;
    }

    /** For a side whose logs are empty, and that trusts the tests' key. */
    public static LogSealer fresh() {
        return fresh(TestKey.SIGNER);
    }

    /** For a side whose logs are empty, and that trusts this signer's key. */
    public static LogSealer fresh(NoteSigner signer) {
        return new LogSealer(new Committed() {
            @Override
            public Optional<Long> loggedIndex(String eventId) {
                return Optional.empty();
            }

            @Override
            public CompactRange tree(OrganizationId organization) {
                return CompactRange.empty();
            }
        }, signer);
    }

    /** For a side whose logs hold what {@code committed} says, and that trusts the tests' key. */
    public static LogSealer continuing(Committed committed) {
        return new LogSealer(committed, TestKey.SIGNER);
    }

    /** The record of event {@code id}, sealed. */
    public synchronized WireRecord seal(String id, WireRecord record) {
        WireRecord before = sealed.get(id);
        if (before != null) {
            return before;
        }
        OrganizationId organization = OrganizationId.of(record.key());
        Optional<Long> logged = committed.loggedIndex(id);
        CompactRange tree = logged.isPresent() ? CompactRange.empty()
                : trees.computeIfAbsent(organization, committed::tree);
        WireRecord result = LogSeal.seal(record, tree, LogSeal.origin(ORIGIN_PREFIX, organization), signer);
        if (logged.isPresent()) {
            // the side skips an event it logged before, whatever its record says
            result = result.withHeader(Topic.Headers.LOG_INDEX, Long.toString(logged.get()));
        }
        sealed.put(id, result);
        return result;
    }

    /** The record of event {@code id} as this sealed it before. */
    public synchronized WireRecord sealedBefore(String id) {
        WireRecord before = sealed.get(id);
        if (before == null) {
            throw new IllegalArgumentException("Event " + id + " was not sealed");
        }
        return before;
    }

    /** The tests' key, read when first needed: a benchmark that brings its own does without the tests' classes. */
    private static final class TestKey {
        static final NoteSigner SIGNER = NoteSigner.parse(TestLogKey.PRIVATE_KEY);
    }
}

package io.infrashare.query;

import io.infrashare.events.LogSeal;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.Topic;
import io.infrashare.events.WireRecord;
import io.infrashare.testing.TestLogKey;
import io.infrashare.transparency.CompactRange;
import io.infrashare.transparency.NoteSigner;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Seals records as the command side's publisher does, with the tests' key: each organization's next index, its leaf
 * hash, the signed checkpoint. An event sealed again gets the same record, as the publisher's resend does. Continuing
 * a database, it starts each organization's log where that database's stands, and leaves an event it has logged at
 * its place.
 */
public final class LogSealer {

    public static final String ORIGIN_PREFIX = "infrashare.localhost/log";
    private static final NoteSigner SIGNER = NoteSigner.parse(TestLogKey.PRIVATE_KEY);

    private final Supplier<JdbcClient> jdbc;
    private final Map<String, WireRecord> sealed = new HashMap<>();
    private final Map<OrganizationId, CompactRange> trees = new HashMap<>();

    private LogSealer(Supplier<JdbcClient> jdbc) {
        this.jdbc = jdbc;
    }

    /** For a side whose logs are empty. */
    public static LogSealer fresh() {
        return new LogSealer(null);
    }

    /** For the side whose database this is, asked for when the first record is sealed. */
    public static LogSealer continuing(Supplier<JdbcClient> jdbc) {
        return new LogSealer(jdbc);
    }

    /** The record of event {@code id}, sealed. */
    public synchronized WireRecord seal(String id, WireRecord record) {
        WireRecord before = sealed.get(id);
        if (before != null) {
            return before;
        }
        OrganizationId organization = OrganizationId.of(record.key());
        Optional<Long> logged = loggedIndex(id);
        CompactRange tree = logged.isPresent() ? CompactRange.empty()
                : trees.computeIfAbsent(organization, this::committed);
        WireRecord result = LogSeal.seal(record, tree, LogSeal.origin(ORIGIN_PREFIX, organization), SIGNER);
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

    private Optional<Long> loggedIndex(String id) {
        if (jdbc == null) {
            return Optional.empty();
        }
        return jdbc.get().sql("select log_index from log_entry where event_id = :id").param("id", id).query(Long.class)
                .optional();
    }

    private CompactRange committed(OrganizationId organization) {
        if (jdbc == null) {
            return CompactRange.empty();
        }
        return jdbc.get().sql("select size, subtrees from log_tree where organization = :organization")
                .param("organization", organization.value())
                .query((row, number) -> CompactRange.of(row.getLong("size"), row.getBytes("subtrees")))
                .optional()
                .orElseGet(CompactRange::empty);
    }
}

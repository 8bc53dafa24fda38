package io.infrashare.query.log;

import io.infrashare.events.LogSeal;
import io.infrashare.events.OrganizationId;
import io.infrashare.transparency.CompactRange;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Each organization's log as this side keeps it: its entries ({@code log_entry}) and its tree ({@code log_tree}), as
 * a compact range from which the next entry is appended. Entries are appended in the transaction that applies their
 * events, so the log holds exactly the events applied.
 */
@Component
public class OrganizationLogs {

    private static final String INSERT_ENTRY = """
            insert into log_entry (organization, log_index, event_id, entry, leaf_hash)
            values (:organization, :index, :eventId, :entry, :leafHash)""";
    private static final String SAVE_TREE = """
            insert into log_tree (organization, size, subtrees, root_hash) values (:organization, :size, :subtrees, :root)
            on conflict (organization) do update
            set size = excluded.size, subtrees = excluded.subtrees, root_hash = excluded.root_hash""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;

    public OrganizationLogs(JdbcClient jdbc, NamedParameterJdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    /** An event to log: its id, its organization and its record's seal. */
    public record Logged(String eventId, OrganizationId organization, LogSeal seal) {
    }

    /** The committed trees of these organizations; an organization without a log yet has an empty one. */
    public Map<OrganizationId, CompactRange> trees(Collection<OrganizationId> organizations) {
        Map<OrganizationId, CompactRange> trees = new HashMap<>();
        organizations.forEach(organization -> trees.put(organization, CompactRange.empty()));
        jdbc.sql("select organization, size, subtrees from log_tree where organization = any(:organizations)")
                .param("organizations", organizations.stream().map(OrganizationId::value).distinct()
                        .toArray(String[]::new))
                .query((row, number) -> trees.put(OrganizationId.of(row.getString("organization")),
                        CompactRange.of(row.getLong("size"), row.getBytes("subtrees"))))
                .list();
        return trees;
    }

    /** Which of these events the logs hold already. */
    public Set<String> alreadyLogged(Collection<String> eventIds) {
        return new HashSet<>(jdbc.sql("select e.event_id from log_entry e join unnest(:ids) as i(id) on e.event_id = i.id")
                .param("ids", eventIds.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    /**
     * Appends the events to their organizations' logs in the current transaction, in order, locking the
     * organizations' trees (in one order, so that two transactions never wait for each other).
     *
     * @throws IllegalStateException if an event's index is not its log's next: {@link LogChain} lets no such record
     *                               through, so this is a fault of this side
     */
    public void append(List<Logged> events) {
        if (events.isEmpty()) {
            return;
        }
        Map<OrganizationId, CompactRange> trees = lockedTrees(events.stream().map(Logged::organization)
                .collect(Collectors.toSet()));
        List<SqlParameterSource> entries = new ArrayList<>(events.size());
        for (Logged event : events) {
            CompactRange tree = trees.computeIfAbsent(event.organization(), organization -> CompactRange.empty());
            if (event.seal().index() != tree.size()) {
                throw new IllegalStateException("Event " + event.eventId() + " claims index " + event.seal().index()
                        + " of the log of " + event.organization().value() + ", whose next is " + tree.size());
            }
            byte[] leafHash = event.seal().entry().leafHash();
            tree.append(leafHash);
            entries.add(new MapSqlParameterSource()
                    .addValue("organization", event.organization().value())
                    .addValue("index", event.seal().index())
                    .addValue("eventId", event.eventId())
                    .addValue("entry", event.seal().entry().bytes())
                    .addValue("leafHash", leafHash));
        }
        batches.batchUpdate(INSERT_ENTRY, entries.toArray(SqlParameterSource[]::new));
        batches.batchUpdate(SAVE_TREE, trees.entrySet().stream()
                .map(tree -> new MapSqlParameterSource()
                        .addValue("organization", tree.getKey().value())
                        .addValue("size", tree.getValue().size())
                        .addValue("subtrees", tree.getValue().subtreeHashes())
                        .addValue("root", tree.getValue().rootHash()))
                .toArray(SqlParameterSource[]::new));
    }

    /** The organizations' trees, locked in the order of their names. */
    private Map<OrganizationId, CompactRange> lockedTrees(Collection<OrganizationId> organizations) {
        Map<OrganizationId, CompactRange> trees = new TreeMap<>(Comparator.comparing(OrganizationId::value));
        jdbc.sql("""
                        select organization, size, subtrees from log_tree where organization = any(:organizations)
                        order by organization for update""")
                .param("organizations", organizations.stream().map(OrganizationId::value).toArray(String[]::new))
                .query((row, number) -> trees.put(OrganizationId.of(row.getString("organization")),
                        CompactRange.of(row.getLong("size"), row.getBytes("subtrees"))))
                .list();
        return trees;
    }
}

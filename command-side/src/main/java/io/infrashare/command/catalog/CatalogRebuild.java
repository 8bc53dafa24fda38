package io.infrashare.command.catalog;

import io.infrashare.command.LostRace;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds the catalog anew from the event store, as a projection is rebuilt: its tables are emptied and every stored
 * event is replayed, in the order of the store, through the catalog processor's own handlers. Events are read as
 * commands read them, through the stored history's upcasters, and all of them: a project's snapshot plays no part.
 *
 * <p>{@link #rebuild()} runs in one transaction that first takes the catalog's tables in {@code ACCESS EXCLUSIVE}
 * mode: it waits for the commands using the catalog to commit, and the commands that come to it meanwhile wait for
 * the rebuild, so none of them ever sees a half-built catalog, and every event a command commits is either replayed
 * or applied on top of the rebuilt catalog by that command itself. The rows found before are compared with the rows
 * rebuilt: when they agree, the transaction is rolled back and the catalog is left as it was; when they differ, the
 * differences are logged and the rebuilt catalog is committed.
 *
 * <p>{@link #check()} compares first without holding any command up, and rebuilds only if they differ.
 */
@Component
public class CatalogRebuild {

    /** Every table of the catalog, each written by {@link JdbcResourceCatalog}'s handlers and by nothing else. */
    static final List<String> TABLES = List.of("project_catalog", "resource_catalog", "resource_share", "consumption",
            "resource_type_config");

    private static final Logger log = LoggerFactory.getLogger(CatalogRebuild.class);
    /** A command holding one table of the catalog may ask for another the rebuild took: one of them must give up. */
    private static final int ATTEMPTS = 3;
    private static final int DIFFERENCES_LOGGED = 100;

    private final JdbcClient jdbc;
    private final EventStorageEngine store;
    private final EventProcessingConfiguration processing;
    private final TransactionTemplate transactions;
    private final TransactionTemplate snapshots;

    CatalogRebuild(JdbcClient jdbc, EventStorageEngine store, EventProcessingConfiguration processing,
                   PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.store = store;
        this.processing = processing;
        this.transactions = new TransactionTemplate(transactionManager);
        this.snapshots = new TransactionTemplate(transactionManager);
        this.snapshots.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * Replays the event store into the catalog, keeping the result only if it differs from what the catalog held.
     * A deadlock lost to a command (PostgreSQL gives up one of the two) is tried again.
     */
    public Outcome rebuild() {
        for (int attempt = 1; ; attempt++) {
            try {
                return reported(transactions.execute(transaction -> {
                    jdbc.sql("LOCK TABLE " + String.join(", ", TABLES) + " IN ACCESS EXCLUSIVE MODE").update();
                    SortedSet<String> found = rows();
                    TABLES.forEach(table -> jdbc.sql("DELETE FROM " + table).update());
                    Outcome outcome = replayedOver(found);
                    if (outcome.agreed()) {
                        transaction.setRollbackOnly();
                    }
                    return outcome;
                }));
            } catch (RuntimeException failure) {
                if (!LostRace.is(failure) || attempt == ATTEMPTS) {
                    throw failure;
                }
                log.info("The catalog's rebuild lost a race to a command ({}); attempt {} of {}",
                        failure.getClass().getSimpleName(), attempt + 1, ATTEMPTS);
            }
        }
    }

    /**
     * Compares the catalog with what the event store implies and {@link #rebuild() rebuilds} it only if they differ.
     * The comparison holds no command up: it reads one snapshot of the database, in which the catalog and the events
     * are as they were committed together, and replays into temporary tables of the catalog's names, which hide the
     * catalog's own from this transaction alone (PostgreSQL looks up a name among the session's temporary tables
     * first) and go with its rollback.
     */
    public Outcome check() {
        Outcome compared = snapshots.execute(transaction -> {
            SortedSet<String> found = rows();
            TABLES.forEach(table -> jdbc.sql("CREATE TEMPORARY TABLE " + table + " (LIKE " + table
                    + " INCLUDING ALL) ON COMMIT DROP").update());
            transaction.setRollbackOnly();
            return replayedOver(found);
        });
        return compared.agreed() ? reported(compared) : rebuild();
    }

    /** The catalog's tables, empty, replayed into and compared with the rows {@code found} before. */
    private Outcome replayedOver(SortedSet<String> found) {
        long events = replay();
        SortedSet<String> rebuilt = rows();
        return new Outcome(events, rebuilt.size(), without(rebuilt, found), without(found, rebuilt));
    }

    private static Outcome reported(Outcome outcome) {
        if (outcome.agreed()) {
            log.info("The catalog agrees with the {} events of the event store ({} rows)", outcome.events(),
                    outcome.rows());
        } else {
            log.warn("The catalog disagreed with the {} events of the event store: {} rows were missing, {} rows "
                            + "were not in the history; rebuilt ({} rows){}", outcome.events(),
                    outcome.missing().size(), outcome.unexpected().size(), outcome.rows(), differences(outcome));
        }
        return outcome;
    }

    /** Every stored event, oldest first, to the handlers of the catalog's processor; how many were read. */
    private long replay() {
        EventHandlerInvoker handlers = processing.eventProcessor(CatalogConfiguration.PROCESSING_GROUP,
                        SubscribingEventProcessor.class)
                .map(SubscribingEventProcessor::eventHandlerInvoker)
                .orElseThrow(() -> new IllegalStateException("No " + CatalogConfiguration.PROCESSING_GROUP
                        + " processor"));
        long events = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream = store.readEvents(null, false)) {
            for (Iterator<? extends TrackedEventMessage<?>> all = stream.iterator(); all.hasNext(); events++) {
                TrackedEventMessage<?> event = all.next();
                if (handlers.canHandle(event, Segment.ROOT_SEGMENT)) {
                    apply(handlers, event);
                }
            }
        }
        return events;
    }

    private static void apply(EventHandlerInvoker handlers, TrackedEventMessage<?> event) {
        try {
            handlers.handle(event, Segment.ROOT_SEGMENT);
        } catch (Exception failure) {
            throw new IllegalStateException("The catalog could not apply " + event.getPayloadType().getSimpleName()
                    + " " + event.getIdentifier() + " at position " + event.trackingToken().position().orElse(-1),
                    failure);
        }
    }

    /** Each row of each table as one line, {@code table{column=value, ...}}, columns by name. */
    private SortedSet<String> rows() {
        SortedSet<String> rows = new TreeSet<>();
        for (String table : TABLES) {
            jdbc.sql("SELECT * FROM " + table).query().listOfRows()
                    .forEach(row -> rows.add(table + new TreeMap<>(row)));
        }
        return rows;
    }

    private static List<String> without(Set<String> rows, Set<String> others) {
        return rows.stream().filter(row -> !others.contains(row)).toList();
    }

    private static String differences(Outcome outcome) {
        Stream<String> lines = Stream.concat(outcome.missing().stream().map(row -> "missing    " + row),
                outcome.unexpected().stream().map(row -> "unexpected " + row));
        int count = outcome.missing().size() + outcome.unexpected().size();
        return lines.limit(DIFFERENCES_LOGGED).map(line -> "\n  " + line).collect(Collectors.joining())
                + (count > DIFFERENCES_LOGGED ? "\n  and " + (count - DIFFERENCES_LOGGED) + " more" : "");
    }

    /**
     * @param events     how many events of the store were replayed
     * @param rows       the rows of the rebuilt catalog
     * @param missing    rows the history implies and the catalog lacked
     * @param unexpected rows the catalog held and the history does not imply
     */
    public record Outcome(long events, int rows, List<String> missing, List<String> unexpected) {

        public boolean agreed() {
            return missing.isEmpty() && unexpected.isEmpty();
        }
    }
}

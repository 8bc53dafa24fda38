package io.infrashare.command.history;

import io.infrashare.command.project.Project;
import io.infrashare.events.Upcasters;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the command side reads its own store (docs/events.md, "Stored history"): payloads are stored under their
 * schema revision, upcast by the contract's upcasters when read, and a project's snapshot counts only while no event
 * type got a new revision since it was taken. Axon's auto-configuration takes the resolver into its serializers, the
 * upcaster into the event store's upcaster chain, and the filter into the event store through {@link Project}'s
 * {@code @Aggregate}.
 */
@Configuration
class StoredHistoryConfiguration {

    /** Named as Axon's own, which it replaces. */
    @Bean
    SchemaRevisions revisionResolver() {
        return new SchemaRevisions();
    }

    @Bean
    StoredEventUpcaster storedEventUpcaster(SchemaRevisions revisions) {
        return new StoredEventUpcaster(Upcasters.ofContract(), revisions);
    }

    /**
     * A project's snapshot counts only under the current {@link SchemaRevisions#snapshotRevision()}. Told apart by
     * its payload's class rather than by the aggregate type column, which holds the simple name where Axon's
     * {@code RevisionSnapshotFilter} compares the class name.
     */
    @Bean
    SnapshotFilter projectSnapshotFilter(SchemaRevisions revisions) {
        String revision = revisions.snapshotRevision();
        return snapshot -> !Project.class.getName().equals(snapshot.getPayload().getType().getName())
                || revision.equals(snapshot.getPayload().getType().getRevision());
    }
}

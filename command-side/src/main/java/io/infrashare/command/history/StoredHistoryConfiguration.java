package io.infrashare.command.history;

import io.infrashare.events.Upcasters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the command side reads its own store (docs/events.md, "Stored history"): payloads are stored under their
 * schema revision and upcast by the contract's upcasters when read. Axon's auto-configuration takes the resolver
 * into its serializers and the upcaster into the event store's upcaster chain.
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
}

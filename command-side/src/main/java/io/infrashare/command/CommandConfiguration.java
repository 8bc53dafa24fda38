package io.infrashare.command;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.IdGenerator;
import org.springframework.util.JdkIdGenerator;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The clock and id generator decisions use, injected so that tests can fix them; how commands reach the aggregates,
 * retried when they lost a race; how projects are kept and loaded; how the event store tells a lost race.
 */
@Configuration
@EnableConfigurationProperties(CommandProperties.class)
class CommandConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Projects stay in memory between commands instead of being rebuilt from their history each time: the most
     * recently used {@code infrashare.commands.cached-projects}, held strongly (a cache of weak references lost them
     * at every collection, and a busy project's history grows with every preview environment). Another node
     * appending to a cached project makes the next append here collide on the sequence number: the project is
     * evicted and the command runs again on the history read anew (see {@link CommandRetries}).
     */
    @Bean
    Cache projectCache(CommandProperties properties) {
        return new EhCache3Adapter((Ehcache<Object, Object>) projectCacheManager().createCache("projects",
                CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class,
                        ResourcePoolsBuilder.heap(properties.cachedProjects()))));
    }

    @Bean(destroyMethod = "close")
    CacheManager projectCacheManager() {
        return CacheManagerBuilder.newCacheManagerBuilder().build(true);
    }

    /**
     * A project not in the cache (after a restart, an eviction, a race lost to another node) is loaded from its
     * latest snapshot and the events after it, not from its whole history: a snapshot is taken once
     * {@code infrashare.commands.snapshot-threshold} events were read or recorded since the project was loaded. The
     * snapshot is written right after the command's transaction commits, from the stored events.
     */
    @Bean
    SnapshotTriggerDefinition projectSnapshotTrigger(Snapshotter snapshotter, CommandProperties properties) {
        return properties.snapshotThreshold() > 0
                ? new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold())
                : NoSnapshotTriggerDefinition.INSTANCE;
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "command-retry"));
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor,
                                  CommandProperties properties, MeterRegistry meters) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new CommandRetries(commandRetryExecutor, properties.retries(),
                        properties.retryPause(), meters))
                .build();
    }

    @Bean
    IdGenerator resourceIds() {
        return new JdkIdGenerator();
    }

    /**
     * Two commands that append the same aggregate sequence number collide on the event store's unique key; Axon
     * turns that into a concurrency refusal, a race to run again, only when it recognises the violation. That key
     * alone is recognised, by its name: any other violation, of the event store or of the catalog, is a defect.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return exception -> ConstraintViolation.in(exception).filter(ConstraintViolation::isSequenceConflict)
                .isPresent();
    }
}

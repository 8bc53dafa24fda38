package io.infrashare.command;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Keeps the event store's publication from skipping an event. An append takes its global position when it inserts
 * and becomes visible when it commits; a position still invisible is a gap that the publication waits for, but only
 * while the event after it is younger than the gap timeout: after that, the gap is taken for a rolled-back append and
 * skipped for good. So no command's transaction may commit after that moment:
 *
 * <ul>
 *     <li>a command still running {@code infrashare.commands.timeout} ({@code T}) after it started is rolled back at
 *     its commit, and PostgreSQL cancels any single statement of the command side running longer than {@code T};</li>
 *     <li>the gap timeout is {@code 4T}. An append that took a position before a later event's cannot have started
 *     more than {@code T} before it nor commit more than {@code T} after it started, with a margin of {@code 2T} for a
 *     pause between the check and the commit;</li>
 *     <li>a gap is also given up when a million events were appended after it, so the bound holds up to that many
 *     events every {@code 4T}, where Axon's default of 10,000 would not at this service's rates.</li>
 * </ul>
 */
@Configuration
class EventStoreTimeouts {

    static final int GAP_TIMEOUT_FACTOR = 4;
    static final int MAX_GAP_OFFSET = 1_000_000;

    private static final Logger log = LoggerFactory.getLogger(EventStoreTimeouts.class);

    /** Axon's JDBC storage engine as its Spring Boot configuration builds it, with the gap tracking above. */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          CommandProperties properties) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .gapTimeout(Math.toIntExact(gapTimeout(properties.timeout()).toMillis()))
                .maxGapOffset(MAX_GAP_OFFSET)
                .build();
    }

    static Duration gapTimeout(Duration commandTimeout) {
        return commandTimeout.multipliedBy(GAP_TIMEOUT_FACTOR);
    }

    /** PostgreSQL cancels a statement of the command side that runs longer than a command may. */
    @Bean
    static BeanPostProcessor statementTimeout(@org.springframework.beans.factory.annotation.Value(
            "${infrashare.commands.timeout:15s}") Duration timeout) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool) {
                    pool.setConnectionInitSql("SET statement_timeout = " + timeout.toMillis());
                }
                return bean;
            }
        };
    }

    @Autowired
    void commandsHaveADeadline(CommandBus commandBus, CommandProperties properties, MeterRegistry meters) {
        commandBus.registerHandlerInterceptor(new Deadline(properties.timeout(), meters));
        log.info("Commands run for at most {}; publication waits up to {} for an earlier append to commit",
                properties.timeout(), gapTimeout(properties.timeout()));
    }

    /**
     * Rolls back a command that is still running when it comes to commit after its timeout. The check is registered
     * once the handler has run, so it comes after the events were appended and the catalog updated.
     */
    private record Deadline(Duration timeout, MeterRegistry meters) implements MessageHandlerInterceptor<CommandMessage<?>> {

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            long started = System.nanoTime();
            Object result = chain.proceed();
            unitOfWork.onPrepareCommit(work -> {
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                if (took.compareTo(timeout) > 0) {
                    meters.counter("infrashare.commands.timed.out").increment();
                    throw new CommandTimedOut(work.getMessage().getCommandName(), took, timeout);
                }
            });
            return result;
        }
    }
}

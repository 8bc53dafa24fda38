package io.infrashare.command.log;

import io.infrashare.transparency.NoteSigner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/**
 * The organizations' logs are sealed and checkpointed by the node that publishes: where publication is switched off
 * ({@code infrashare.publication.enabled=false}) nothing is signed, and no key is needed.
 */
@Configuration
@ConditionalOnProperty(name = "infrashare.publication.enabled", havingValue = "true", matchIfMissing = true)
class LogConfiguration {

    @Bean
    NoteSigner logSigner(LogProperties properties) {
        return LogKey.load(properties);
    }

    @Bean
    LogSeals logSeals(JdbcClient jdbc, JdbcTemplate batches, Clock clock, NoteSigner logSigner,
                      LogProperties properties) {
        return new LogSeals(new LogTrees(jdbc, batches, clock), logSigner, properties.originPrefix());
    }

    @Bean
    CheckpointIssuer checkpointIssuer(JdbcClient jdbc, PlatformTransactionManager transactionManager,
                                      NoteSigner logSigner, LogProperties properties, Clock clock) {
        return new CheckpointIssuer(jdbc, new TransactionTemplate(transactionManager), logSigner, properties, clock);
    }
}

package io.infrashare.query.ingest;

import io.infrashare.events.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * What happens to a record that cannot be applied. An unreadable one is dead-lettered at once. An event that the read
 * models fail to apply is retried a few times, then recorded in the audit log alone, marked as not applied
 * ({@link NotAppliedEvents}); only if even that fails is it dead-lettered. Either way it is logged and the records
 * behind it go on, so one poison record neither stops an organization's stream nor disappears.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
class IngestConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IngestConfiguration.class);

    @Bean
    DefaultErrorHandler deadLetteringErrorHandler(KafkaTemplate<?, ?> template, KafkaAdmin admin,
                                                  IngestProperties properties, DeadLetters parked,
                                                  NotAppliedEvents notApplied) {
        // partition -1: the producer partitions by key, so the dead-letter topic needs no particular partition count
        var deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(properties.deadLetterTopic(), -1));
        var deadLetterTopic = new DeadLetterTopic(admin, properties.deadLetterTopic());
        var handler = new DefaultErrorHandler((record, exception) -> {
            if (!(cause(exception) instanceof UnreadableRecord) && marked(notApplied, record, exception)) {
                return;
            }
            logDeadLetter(record, exception, properties.deadLetterTopic());
            deadLetterTopic.create();
            deadLetters.accept(record, exception);
            parked.parked(record, cause(exception));
        }, new FixedBackOff(properties.retry().interval().toMillis(), properties.retry().maxRetries()));
        handler.addNotRetryableExceptions(UnreadableRecord.class);
        // An unreachable database is no fault of the record: dead-lettering would drop an event from the read models
        // for good, so the stream waits for the database instead, retrying and warning.
        handler.setBackOffFunction((record, exception) -> databaseUnavailable(exception) ? untilTheDatabaseIsBack() : null);
        handler.setLogLevel(KafkaException.Level.WARN);
        return handler;
    }

    /**
     * @return whether the event was recorded as not applied; false if that failed too, and the record is to be
     * dead-lettered. An unreachable database fails the recovery instead, so the record is tried again once it is back.
     */
    private static boolean marked(NotAppliedEvents notApplied, ConsumerRecord<?, ?> record, Exception exception) {
        try {
            notApplied.record(record, cause(exception));
            return true;
        } catch (RuntimeException e) {
            if (databaseUnavailable(e)) {
                throw e;
            }
            log.error("Event {} could not be recorded as not applied either", EventRecords.header(record,
                    Topic.Headers.ID), e);
            return false;
        }
    }

    private static void logDeadLetter(ConsumerRecord<?, ?> record, Exception exception, String deadLetterTopic) {
        Throwable cause = cause(exception);
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        String id = EventRecords.header(record, Topic.Headers.ID);
        String type = EventRecords.header(record, Topic.Headers.TYPE);
        if (cause instanceof UnreadableRecord) {
            log.error("Dead-lettering record {} (ce_id {}, ce_type {}) to {}: {}", where, id, type, deadLetterTopic,
                    cause.getMessage());
        } else {
            log.error("Dead-lettering record {} (ce_id {}, ce_type {}) to {} after retries", where, id, type,
                    deadLetterTopic, cause);
        }
    }

    /** What went wrong with the record, without the container's and the batch's wrappers. */
    private static Throwable cause(Exception exception) {
        Throwable cause = exception;
        while ((cause instanceof ListenerExecutionFailedException || cause instanceof BatchListenerFailedException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static boolean databaseUnavailable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException) {
                return true;
            }
        }
        return false;
    }

    private static BackOff untilTheDatabaseIsBack() {
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2);
        backOff.setMaxInterval(30_000);
        return backOff;
    }
}

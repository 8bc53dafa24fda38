package io.infrashare.query.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.kafka.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The checkpoint topic's listener container: the service's Kafka settings, but an error handler of its own. The event
 * topic's handler records an event it cannot apply in the audit log and dead-letters the rest, neither of which fits
 * a checkpoint. Refusals never reach this handler (the listener counts them); what does is a database that cannot be
 * reached, so the record is tried again, ever more slowly, and never skipped: a signed checkpoint cannot be asked for
 * again.
 */
@Configuration(proxyBeanMethods = false)
class CheckpointTopicConfiguration {

    static final String FACTORY = "checkpointListenerContainerFactory";
    private static final Logger log = LoggerFactory.getLogger(CheckpointTopicConfiguration.class);

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> checkpointListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory = new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumers);
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) ->
                log.error("Checkpoint {}-{}@{} could not be kept", record.topic(), record.partition(),
                        record.offset(), exception), backOff);
        handler.setLogLevel(KafkaException.Level.WARN);
        factory.setCommonErrorHandler(handler);
        return factory;
    }
}

package io.infrashare.command.publication;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.axonframework.extensions.kafka.eventhandling.producer.DefaultProducerFactory;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaEventPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaPublisher;
import org.axonframework.extensions.kafka.eventhandling.producer.ProducerFactory;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.Map;

/**
 * Publication follows the event store with the Axon Kafka extension's tracking processor: its token is stored with
 * the events, so a broker outage delays publication and loses nothing.
 */
@Configuration
class PublicationConfiguration {

    @Bean
    KafkaMessageConverter<String, byte[]> kafkaMessageConverter(ObjectMapper json) {
        return new CloudEventRecords(json);
    }

    /**
     * The extension's publishing processor sends through this publisher (see {@link BatchingKafkaPublisher}), whose
     * producers have the extension's settings ({@code axon.kafka.producer}). Where
     * publication is switched off ({@code axon.kafka.publisher.enabled=false}), the extension makes no producers and
     * there is nothing to send with.
     */
    @Bean(destroyMethod = "shutDown")
    @ConditionalOnProperty(name = "axon.kafka.publisher.enabled", havingValue = "true", matchIfMissing = true)
    @SuppressWarnings("unchecked") // the extension declares its factory without types; its records are ours
    KafkaPublisher<String, byte[]> kafkaPublisher(ProducerFactory<?, ?> producers,
                                                  KafkaMessageConverter<String, byte[]> records,
                                                  @Qualifier("serializer") Serializer serializer,
                                                  PublicationProperties properties) {
        Map<String, Object> settings = ((DefaultProducerFactory<?, ?>) producers).configurationProperties();
        Duration deliveryTimeout = Duration.ofMillis(Long.parseLong(String.valueOf(settings.getOrDefault(
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, ProducerConfig.configDef().defaultValues()
                        .get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)))));
        if (properties.ackTimeout().compareTo(deliveryTimeout) >= 0) {
            throw new IllegalStateException("infrashare.publication.ack-timeout (" + properties.ackTimeout()
                    + ") must be shorter than the producer's delivery.timeout.ms (" + deliveryTimeout + ")");
        }
        return new BatchingKafkaPublisher((ProducerFactory<String, byte[]>) producers,
                () -> new KafkaProducer<>(settings), records, serializer, properties.topic(), properties.ackTimeout());
    }

    /**
     * A new processor would start as a replay, and the publisher skips replayed events; starting it at the tail,
     * explicitly, publishes the events stored before it first ran. Events go out in batches: the records of a batch
     * are sent together and their acknowledgements awaited together, and the token is stored once per batch, so a
     * backlog after a broker outage drains quickly. A batch that fails is sent again whole; the records Kafka had
     * already taken become duplicates with the same {@code ce_id}, which consumers drop.
     */
    @Autowired
    void publishFromTheFirstEvent(EventProcessingConfigurer processing, PublicationProperties properties) {
        processing.registerTrackingEventProcessorConfiguration(KafkaEventPublisher.DEFAULT_PROCESSING_GROUP,
                configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(properties.batchSize())
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken));
    }
}

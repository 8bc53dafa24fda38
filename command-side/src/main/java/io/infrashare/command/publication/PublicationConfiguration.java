package io.infrashare.command.publication;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.command.log.CheckpointIssuer;
import io.infrashare.command.log.LogProperties;
import io.infrashare.command.log.LogSeals;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.Map;

/**
 * Publication follows the event store with a tracking processor whose one handler is the {@link BatchingKafkaPublisher}:
 * its token is stored with the events, so a broker outage delays publication and loses nothing. The producers have
 * Spring Boot's Kafka settings ({@code spring.kafka.producer}). Each record is sealed in its organization's log, and
 * the logs' signed checkpoints are published on a topic of their own. Where publication is switched off
 * ({@code infrashare.publication.enabled=false}), there is no publisher, no publishing processor and no checkpoint.
 */
@Configuration
@ConditionalOnProperty(name = "infrashare.publication.enabled", havingValue = "true", matchIfMissing = true)
class PublicationConfiguration {

    /**
     * The publishing processor, whose token in the token store says how far publication got. The name is the one
     * the Axon Kafka extension gave it when it published, so that a store's token goes on from where it stood.
     */
    static final String PROCESSOR = "__axon-kafka-event-publishing-group";

    @Bean(destroyMethod = "shutDown")
    BatchingKafkaPublisher kafkaPublisher(KafkaProperties kafka, ObjectProvider<SslBundles> sslBundles,
                                          ObjectMapper json, PublicationProperties properties, LogSeals seals) {
        Map<String, Object> settings = producerSettings(kafka, sslBundles, properties);
        return new BatchingKafkaPublisher(
                () -> new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer()),
                new CloudEventRecords(json, seals, properties.topic()), properties.ackTimeout());
    }

    /** The checkpoints go out through producers of their own, with the same settings as the events'. */
    @Bean
    CheckpointPublisher checkpointPublisher(KafkaProperties kafka, ObjectProvider<SslBundles> sslBundles,
                                            ObjectMapper json, PublicationProperties properties,
                                            CheckpointIssuer issuer, LogProperties log) {
        Map<String, Object> settings = producerSettings(kafka, sslBundles, properties);
        return new CheckpointPublisher(issuer,
                () -> new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer()), json,
                log.checkpointTopic(), log.checkpointDelay(), properties.ackTimeout());
    }

    /** Spring Boot's producer settings, once checked against the acknowledgement timeout. */
    private static Map<String, Object> producerSettings(KafkaProperties kafka, ObjectProvider<SslBundles> sslBundles,
                                                        PublicationProperties properties) {
        Map<String, Object> settings = kafka.buildProducerProperties(sslBundles.getIfAvailable());
        Duration deliveryTimeout = Duration.ofMillis(Long.parseLong(String.valueOf(settings.getOrDefault(
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, ProducerConfig.configDef().defaultValues()
                        .get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)))));
        if (properties.ackTimeout().compareTo(deliveryTimeout) >= 0) {
            throw new IllegalStateException("infrashare.publication.ack-timeout (" + properties.ackTimeout()
                    + ") must be shorter than the producer's delivery.timeout.ms (" + deliveryTimeout + ")");
        }
        return settings;
    }

    /**
     * A handler's failure fails the batch, which the processor then handles again, rather than being logged and
     * skipped as Axon does by default. The processor starts, the first time, at the first stored event, so the
     * events stored before it first ran are published too. Events go out in batches: the records of a batch are
     * sent together and their acknowledgements awaited together, and the token is stored once per batch, so a
     * backlog after a broker outage drains quickly. A batch that fails is sent again whole; the records Kafka had
     * already taken become duplicates with the same {@code ce_id}, which consumers drop. Axon runs each batch in a
     * transaction of the application's transaction manager (its {@code SpringTransactionManager}, on the data source
     * the JDBC token store also uses), so the token and the logs' trees ({@code LogSeals}) commit or roll back
     * together: a batch sent again is sealed as it was the first time ({@code ResealedBatchIT}).
     */
    @Autowired
    void publishFromTheFirstEvent(EventProcessingConfigurer processing,
                                  ObjectProvider<BatchingKafkaPublisher> publisher, PublicationProperties properties) {
        // the publisher is asked for when Axon builds its processors, once this configuration exists
        processing.registerEventHandler(configuration -> publisher.getObject())
                .assignHandlerInstancesMatching(PROCESSOR, BatchingKafkaPublisher.class::isInstance)
                .registerListenerInvocationErrorHandler(PROCESSOR, configuration -> PropagatingErrorHandler.instance())
                .registerTrackingEventProcessor(PROCESSOR, configuration -> configuration.eventStore(),
                        configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(properties.batchSize())
                                .andInitialTrackingToken(StreamableMessageSource::createTailToken));
    }
}

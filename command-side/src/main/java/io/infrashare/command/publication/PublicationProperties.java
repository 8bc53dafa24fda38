package io.infrashare.command.publication;

import io.infrashare.events.Topic;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The topic the events are published to, and how.
 *
 * @param enabled           whether this node publishes; a node that does not still records events, and a node that
 *                          does publishes them later
 * @param topic             its name
 * @param partitions        partitions when the service creates it; organizations spread over them
 * @param replicationFactor 1 for a single local broker, 3 on a production cluster
 * @param batchSize         events sent to Kafka before their acknowledgements are awaited and the token stored
 * @param ackTimeout        how long a batch's acknowledgements may take before the batch is sent again
 */
@ConfigurationProperties("infrashare.publication")
record PublicationProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue(Topic.NAME) String topic,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("100") int batchSize,
        @DefaultValue("10s") Duration ackTimeout) {
}

package io.infrashare.testing;

import java.util.Set;

/** A real Kafka broker for one test or one application context. */
public interface KafkaBroker extends AutoCloseable {

    /** The {@code bootstrap.servers} of its clients. */
    String bootstrapServers();

    /** Stops the broker; its topics are gone. */
    @Override
    void close();

    /** Partitions of each topic, whether the broker creates a topic on first use, and the topics made up front. */
    record Settings(int partitions, boolean autoCreateTopics, Set<String> topics) {

        public Settings {
            if (partitions < 1) {
                throw new IllegalArgumentException("a topic needs at least one partition: " + partitions);
            }
            topics = Set.copyOf(topics);
        }
    }
}

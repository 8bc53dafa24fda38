package io.infrashare.query.ingest;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates the dead-letter topic when the first record goes there rather than at startup: then the broker is known to
 * be up, and a side started before its broker answers queries at once instead of waiting for the broker.
 */
class DeadLetterTopic {

    private final KafkaAdmin admin;
    // partitions and replicas are the broker's defaults: dead letters are few and read by people
    private final NewTopic topic;
    private volatile boolean created;

    DeadLetterTopic(KafkaAdmin admin, String name) {
        this.admin = admin;
        this.topic = TopicBuilder.name(name).build();
    }

    void create() {
        if (!created) {
            admin.createOrModifyTopics(topic);
            created = true;
        }
    }
}

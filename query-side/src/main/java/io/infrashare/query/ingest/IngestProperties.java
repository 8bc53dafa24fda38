package io.infrashare.query.ingest;

import io.infrashare.events.Topic;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param topic the event topic; records this side cannot apply go to {@code <topic>.DLT}
 * @param retry how an event the read models failed to apply is retried before it is recorded in the audit log as not
 *              applied
 * @param lag   how often the projection lag is measured
 */
@ConfigurationProperties("infrashare")
record IngestProperties(@DefaultValue(Topic.NAME) String topic, @DefaultValue Retry retry, @DefaultValue Lag lag) {

    String deadLetterTopic() {
        return topic + ".DLT";
    }

    record Retry(@DefaultValue("3") long maxRetries, @DefaultValue("1s") Duration interval) {
    }

    record Lag(@DefaultValue("5s") Duration interval) {
    }
}

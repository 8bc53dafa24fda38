package io.infrashare.query.log;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the checkpoint topic, a record at a time. A checkpoint that is refused is logged, counted and shown in
 * health, and the topic goes on; only a failure to reach the database leaves the listener, for the error handler of
 * {@link CheckpointTopicConfiguration} to try the record again.
 */
@Component
class CheckpointTopicListener {

    /** The listener container's id. */
    static final String ID = "checkpoints";
    private static final Logger log = LoggerFactory.getLogger(CheckpointTopicListener.class);

    private final IncomingCheckpoints checkpoints;
    private final CheckpointRefusals refusals;

    CheckpointTopicListener(IncomingCheckpoints checkpoints, CheckpointRefusals refusals) {
        this.checkpoints = checkpoints;
        this.refusals = refusals;
    }

    /** In a consumer group of its own, so that the rebuild, which rewinds the event topic's group, leaves it alone. */
    @KafkaListener(id = ID, idIsGroup = false, topics = "${infrashare.log.checkpoint-topic}",
            groupId = "${spring.kafka.consumer.group-id}.checkpoints",
            containerFactory = CheckpointTopicConfiguration.FACTORY)
    void on(ConsumerRecord<String, byte[]> record) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        try {
            if (checkpoints.receive(record.key(), record.value())) {
                log.debug("Kept checkpoint {} of {}", where, record.key());
            }
        } catch (CheckpointRefused refused) {
            log.error("Refused checkpoint {} of organization {} ({}): {}", where, record.key(),
                    refused.reason().tag(), refused.getMessage());
            refusals.refused(record.key(), where, refused);
        }
    }
}

package io.infrashare.query.ingest;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Drops the read models and replays the topic into them. The listener stops; the consumer group's offsets go back to
 * the start of the topic; every table the migrations created (but Flyway's own and {@code log_checkpoint}) is
 * truncated in one transaction, the record of applied events and the positions included; the listener starts again
 * and reapplies the history. The signed checkpoints are spared: they came from a topic of their own, the command
 * side's signed facts, not from the event topic, so the replay would not give them back; the organizations' logs,
 * which the replay does give back, are emptied with the rest and proven against them again once rebuilt.
 * Offsets are reset before the tables are emptied: should emptying fail, the replay finds every event already
 * applied and changes nothing, whereas the other order could leave empty tables behind committed offsets.
 */
@Component
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final long KAFKA_TIMEOUT_SECONDS = 30;
    /** Received from the checkpoint topic, not derived from the event topic: kept through a rebuild. */
    private static final String SIGNED_CHECKPOINTS = "log_checkpoint";

    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaAdmin kafkaAdmin;
    private final KafkaProperties kafka;
    private final String topic;
    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final String flywayTable;

    ReadModelRebuild(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafkaAdmin, KafkaProperties kafka,
                     @Value("${infrashare.topic}") String topic, JdbcTemplate jdbcTemplate, JdbcClient jdbc,
                     TransactionTemplate transaction, Flyway flyway) {
        this.listeners = listeners;
        this.kafkaAdmin = kafkaAdmin;
        this.kafka = kafka;
        this.topic = topic;
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.flywayTable = flyway.getConfiguration().getTable();
    }

    /**
     * @return each organization's position before the rebuild: once the rebuilt side is back at these, it holds at
     * least everything it held before
     */
    public synchronized Map<String, Long> rebuild() {
        MessageListenerContainer container = listeners.getListenerContainer(TopicListener.ID);
        if (container == null) {
            throw new IllegalStateException("No listener container " + TopicListener.ID);
        }
        Map<String, Long> positions = positions();
        log.warn("Rebuilding the read models from topic {}: stopping the listener", topic);
        container.stop();
        try {
            rewindConsumerGroup();
            List<String> tables = emptyReadModels();
            log.warn("Emptied {}; replaying topic {} from its start", String.join(", ", tables), topic);
        } finally {
            container.start();
        }
        return positions;
    }

    private Map<String, Long> positions() {
        return jdbc.sql("select organization, position from organization_position order by organization")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    /**
     * Empties every read model, the applied events and positions with them, in one statement and one transaction. A
     * {@code TRUNCATE}, not a {@code DELETE}: the audit log's tables refuse every {@code UPDATE} and {@code DELETE}
     * (query migration V11), whereas emptying them all for a replay is the rebuild's to do.
     */
    List<String> emptyReadModels() {
        List<String> tables = tables();
        transaction.executeWithoutResult(status -> jdbc.sql("truncate table " + String.join(", ", tables)).update());
        return tables;
    }

    /**
     * Every table of the schema the migrations ran in, but Flyway's history and the signed checkpoints: tables added
     * later are included.
     */
    public List<String> tables() {
        return jdbcTemplate.execute((java.sql.Connection connection) -> {
            DatabaseMetaData metadata = connection.getMetaData();
            List<String> names = new ArrayList<>();
            try (ResultSet rs = metadata.getTables(connection.getCatalog(), connection.getSchema(), "%",
                    new String[]{"TABLE", "BASE TABLE"})) {
                while (rs.next()) {
                    String name = rs.getString("TABLE_NAME");
                    if (!name.equalsIgnoreCase(flywayTable) && !name.equalsIgnoreCase(SIGNED_CHECKPOINTS)) {
                        names.add(name);
                    }
                }
            }
            names.sort(String.CASE_INSENSITIVE_ORDER);
            return names;
        });
    }

    /**
     * Sets the group's committed offsets to the start of every partition. The group has no member while the
     * listener is stopped, which the broker requires; the earliest offsets rather than 0, in case the topic was ever
     * truncated.
     */
    private void rewindConsumerGroup() {
        String group = kafka.getConsumer().getGroupId();
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(KAFKA_TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic).partitions().stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> earliest = admin.listOffsets(
                            partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest())))
                    .all().get(KAFKA_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> offsets = earliest.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue().offset())));
            admin.alterConsumerGroupOffsets(group, offsets).all().get(KAFKA_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while rewinding consumer group " + group, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not rewind consumer group " + group + " on topic " + topic, e);
        }
    }
}

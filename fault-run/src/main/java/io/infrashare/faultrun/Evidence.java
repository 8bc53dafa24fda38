package io.infrashare.faultrun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.EventCodec;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.Topic;
import io.infrashare.events.UnreadableEventException;
import io.infrashare.events.WireRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the event store, the topic and the query side hold, read straight from each. */
record Evidence(List<StoredEvent> stored, List<PublishedRecord> published, List<AppliedEntry> applied) {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final EventCodec EVENTS = new EventCodec(JSON);

    /** An event as the command side stored it: the source of truth. */
    record StoredEvent(String id, String aggregate, long sequence, long globalIndex, InfrashareEvent event) {
    }

    /** A record on the topic; the same event may be there more than once (at least once). */
    record PublishedRecord(int partition, long offset, String id, String organization) {
    }

    /** An entry of an organization's audit log on the query side. */
    record AppliedEntry(String organization, long position, String id, String correlationId) {
    }

    static Evidence gather(Stack stack) throws SQLException, IOException, InterruptedException {
        return new Evidence(stored(stack.postgres), published(stack.kafka), applied(stack.query));
    }

    static List<StoredEvent> stored(Postgres postgres) throws SQLException, IOException {
        List<StoredEvent> events = new ArrayList<>();
        try (Connection connection = postgres.connect("command");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     select eventIdentifier, aggregateIdentifier, sequenceNumber, globalIndex, payloadType, payload
                     from DomainEventEntry order by globalIndex""")) {
            while (rows.next()) {
                events.add(new StoredEvent(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getLong(4),
                        event(rows.getString(5), rows.getBytes(6))));
            }
        }
        return events;
    }

    private static InfrashareEvent event(String type, byte[] payload) throws IOException {
        try {
            return (InfrashareEvent) JSON.readValue(payload, Class.forName(type));
        } catch (ClassNotFoundException e) {
            throw new IOException("the store holds an event of unknown type " + type, e);
        }
    }

    static List<PublishedRecord> published(Broker kafka) {
        List<PublishedRecord> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topic.NAME, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    EventCodec.Decoded published = decoded(record);
                    records.add(new PublishedRecord(record.partition(), record.offset(), published.id(),
                            published.event().organization().value()));
                }
            }
        }
        return records;
    }

    /** A record as a consumer reads it, with the contract's codec: one it cannot read stops the run. */
    private static EventCodec.Decoded decoded(ConsumerRecord<String, byte[]> record) {
        try {
            return EVENTS.decode(WireRecord.read(record.key(), record.headers(), Header::key, Header::value,
                    record.value()));
        } catch (UnreadableEventException e) {
            throw new IllegalStateException("The topic holds a record no consumer can read, at " + record.topic()
                    + "-" + record.partition() + "@" + record.offset() + ": " + e.getMessage(), e);
        }
    }

    static List<AppliedEntry> applied(JavaService query) throws IOException {
        List<AppliedEntry> entries = new ArrayList<>();
        for (Organization org : Organization.ALL) {
            for (JsonNode line : wholeExport(query.api().as(org.readToken()).ndjson("/audit"))) {
                entries.add(new AppliedEntry(org.name(), line.path("position").asLong(),
                        line.path("eventId").asText(), line.path("clientReference").asText()));
            }
        }
        return entries;
    }

    /**
     * The entries of an NDJSON export, checked complete: its last line must be the trailer counting them, so an
     * export cut short (an error line, or a connection closed early) is an IOException, not fewer entries.
     */
    private static List<JsonNode> wholeExport(List<JsonNode> lines) throws IOException {
        List<JsonNode> entries = new ArrayList<>(lines);
        JsonNode trailer = entries.isEmpty() ? null : entries.remove(entries.size() - 1).get("trailer");
        if (trailer == null || trailer.path("count").asLong(-1) != entries.size()) {
            throw new IOException("the audit export ended without its trailer after " + entries.size() + " lines");
        }
        return entries;
    }
}

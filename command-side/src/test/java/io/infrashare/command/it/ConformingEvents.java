package io.infrashare.command.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.infrashare.events.EventCodec;
import io.infrashare.events.EventSchemas;
import io.infrashare.events.EventTypes;
import io.infrashare.events.LogSeal;
import io.infrashare.events.Topic;
import io.infrashare.events.UnreadableEventException;
import io.infrashare.events.WireRecord;
import io.infrashare.events.contract.EventValidator;
import io.infrashare.transparency.Checkpoint;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks every record the command side publishes in the tests against the JSON Schema its {@code ce_dataschema}
 * names, with a JSON Schema validator, reads it back as consumers do, with the contract's {@link EventCodec}, and
 * checks its seal: its leaf hash and the checkpoint it carries, signed by the test key ({@link SealedLogs}), as
 * the Kafka producer's interceptor (set for every test application in {@code config/application.properties});
 * {@link FailTheTest} fails the test during which a record did not conform.
 * What was checked is summed up in {@code target/schema-conformance.txt}.
 */
public class ConformingEvents implements ProducerInterceptor<String, byte[]> {

    /** Its records are checkpoints, not events (OrganizationLogsIT checks them). */
    private static final String CHECKPOINT_TOPIC = "infrashare.checkpoints";
    private static final EventValidator VALIDATOR = new EventValidator();
    /** How consumers read the records: what is published must read back. */
    private static final EventCodec EVENTS = new EventCodec(new ObjectMapper().registerModule(new JavaTimeModule()));
    private static final Queue<String> VIOLATIONS = new ConcurrentLinkedQueue<>();
    private static final Set<String> TYPES = ConcurrentHashMap.newKeySet();
    private static final AtomicLong CHECKED = new AtomicLong();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (CHECKED.get() > 0) {
                Set<String> missing = new TreeSet<>(EventTypes.all().keySet());
                missing.removeAll(TYPES);
                try {
                    Files.writeString(Path.of("target", "schema-conformance.txt"), CHECKED.get()
                            + " published events of " + TYPES.size() + " types checked against their schemas; "
                            + "types not published: " + missing + "\n");
                } catch (IOException e) {
                    System.err.println("Schema conformance summary not written: " + e);
                }
            }
        }));
    }

    @Override
    public ProducerRecord<String, byte[]> onSend(ProducerRecord<String, byte[]> record) {
        if (record.topic().equals(CHECKPOINT_TOPIC)) {
            return record;
        }
        String id = header(record, Topic.Headers.ID);
        String type = header(record, Topic.Headers.TYPE);
        String dataschema = header(record, Topic.Headers.DATA_SCHEMA);
        try {
            if (dataschema == null || EventSchemas.parse(dataschema).filter(named -> named.type().equals(type))
                    .isEmpty()) {
                VIOLATIONS.add("event " + id + " of type " + type + " names the schema " + dataschema);
            } else {
                VALIDATOR.problems(dataschema, record.value()).forEach(problem ->
                        VIOLATIONS.add("event " + id + " (" + dataschema + "): " + problem));
            }
        } catch (RuntimeException e) {
            VIOLATIONS.add("event " + id + " could not be checked against " + dataschema + ": " + e);
        }
        WireRecord wire = WireRecord.read(record.key(), record.headers(), Header::key, Header::value, record.value());
        try {
            EVENTS.decode(wire);
        } catch (UnreadableEventException e) {
            VIOLATIONS.add("event " + id + " cannot be read back by consumers: " + e.getMessage());
        }
        try {
            LogSeal seal = LogSeal.of(wire);
            if (!seal.leafHashFits()) {
                VIOLATIONS.add("event " + id + " carries a leaf hash that is not its entry's");
            }
            if (Checkpoint.open(seal.checkpoint(), SealedLogs.origin(record.key()), SealedLogs.TRUSTED).size()
                    != seal.index() + 1) {
                VIOLATIONS.add("event " + id + " carries the checkpoint of another size than its index's");
            }
        } catch (RuntimeException e) {
            VIOLATIONS.add("event " + id + " is not sealed by the test key: " + e.getMessage());
        }
        TYPES.add(type);
        CHECKED.incrementAndGet();
        return record;
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    /** Fails a test during which the command side published an event its schema does not describe. */
    public static class FailTheTest implements AfterEachCallback {

        @Override
        public void afterEach(ExtensionContext context) {
            List<String> violations = new ArrayList<>();
            for (String violation = VIOLATIONS.poll(); violation != null; violation = VIOLATIONS.poll()) {
                violations.add(violation);
            }
            if (!violations.isEmpty()) {
                throw new AssertionError("Published events do not conform to their schemas:\n"
                        + String.join("\n", violations));
            }
        }
    }
}

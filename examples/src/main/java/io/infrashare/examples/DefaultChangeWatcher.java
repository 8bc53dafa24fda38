package io.infrashare.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.infrashare.events.EnvironmentDefaultCleared;
import io.infrashare.events.EnvironmentDefaultSet;
import io.infrashare.events.EventCodec;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.Provenance;
import io.infrashare.events.Topic;
import io.infrashare.events.WireRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * A deployer's trigger, written from the README's consumer section alone: it follows infrashare's events topic and
 * prints, for each environment, when its network or Kubernetes cluster default changes and which resource it changed
 * to. It reads the topic at least once: offsets are committed only after the records of a poll are handled, so after
 * a crash the records handled since the last commit come again, and a record seen twice (the same CloudEvents
 * {@code id}) is handled once.
 */
public final class DefaultChangeWatcher implements Runnable, AutoCloseable {

    /** The resource types a deployer redeploys for, and what it calls them. */
    static final Map<String, String> WATCHED = Map.of(
            "aws-vpc", "network", "azure-virtual-network", "network", "gcp-subnetwork", "network",
            "kubernetes-cluster", "cluster");
    private static final Set<String> DEFAULT_EVENTS = Set.of("EnvironmentDefaultSet", "EnvironmentDefaultCleared");
    private static final int REMEMBERED_IDS = 100_000;

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final Consumer<String> out;
    private final EventCodec events = new EventCodec(new ObjectMapper().registerModule(new JavaTimeModule()));
    private final Map<String, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    };
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;

    /**
     * @param fromBeginning where a new consumer group starts: the first event ever ({@code true}) or the next one
     *                      ({@code false}); a group that committed offsets goes on from them either way
     */
    public DefaultChangeWatcher(String bootstrapServers, String topic, String group, boolean fromBeginning,
                                Consumer<String> out) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.topic = topic;
        this.out = out;
    }

    /** Follows the topic until {@link #close()}. */
    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic));
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofSeconds(1));
                for (ConsumerRecord<String, byte[]> record : records) {
                    handle(record);
                }
                if (!records.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            // close() stops a poll that is waiting
        } finally {
            consumer.close();
            stopped.countDown();
        }
    }

    void handle(ConsumerRecord<String, byte[]> record) {
        String id = header(record, Topic.Headers.ID);
        String type = header(record, Topic.Headers.TYPE);
        if (id == null || seen.put(id, Boolean.TRUE) != null || !DEFAULT_EVENTS.contains(type)) {
            return;
        }
        try {
            // upcast to the revision this jar's records have, whatever revision the record was written in
            InfrashareEvent event = events.decode(
                    WireRecord.read(record.key(), record.headers(), Header::key, Header::value, record.value())).event();
            if (event instanceof EnvironmentDefaultSet set) {
                changed(set);
            } else if (event instanceof EnvironmentDefaultCleared cleared) {
                cleared(cleared);
            }
        } catch (RuntimeException e) {
            System.err.println("Skipping event " + id + " (" + type + ") at " + record.topic() + "-"
                    + record.partition() + "@" + record.offset() + ": " + e.getMessage());
        }
    }

    private void changed(EnvironmentDefaultSet event) {
        String kind = WATCHED.get(event.type().value());
        if (kind != null) {
            out.accept(event.environment() + ": " + kind + " default is now " + event.type() + " " + event.resource()
                    + " of " + event.resourceOwner()
                    + (event.replaced() == null ? "" : ", replacing " + event.replaced())
                    + provenance(event.provenance()));
        }
    }

    private void cleared(EnvironmentDefaultCleared event) {
        String kind = WATCHED.get(event.type().value());
        if (kind != null) {
            out.accept(event.environment() + ": " + kind + " default " + event.type() + " " + event.resource()
                    + " is cleared" + provenance(event.provenance()));
        }
    }

    private static String provenance(Provenance provenance) {
        return " (" + provenance.occurredAt() + " by " + provenance.actor()
                + (provenance.reason() == null ? "" : ": " + provenance.reason()) + ")";
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Stops following the topic, after the record being handled, and waits until the consumer is closed. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        stopped.await();
    }

    /**
     * {@code java -jar examples-exec.jar [--bootstrap-servers host:port] [--topic name] [--group id]
     * [--from-beginning]}; the defaults come from {@code KAFKA_BOOTSTRAP_SERVERS} (else {@code localhost:9092}),
     * {@code INFRASHARE_TOPIC} (else {@code infrashare.events}) and the group {@code default-watcher}.
     */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> env = System.getenv();
        String bootstrapServers = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        String topic = env.getOrDefault("INFRASHARE_TOPIC", Topic.NAME);
        String group = "default-watcher";
        boolean fromBeginning = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bootstrap-servers" -> bootstrapServers = value(args, ++i);
                case "--topic" -> topic = value(args, ++i);
                case "--group" -> group = value(args, ++i);
                case "--from-beginning" -> fromBeginning = true;
                default -> {
                    System.err.println("usage: [--bootstrap-servers host:port] [--topic name] [--group id] "
                            + "[--from-beginning]");
                    System.exit(2);
                }
            }
        }
        PrintStream stdout = System.out;
        DefaultChangeWatcher watcher = new DefaultChangeWatcher(bootstrapServers, topic, group, fromBeginning,
                line -> {
                    stdout.println(line);
                    stdout.flush();
                });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                watcher.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        System.err.println("Watching " + topic + " on " + bootstrapServers + " as group " + group
                + (fromBeginning ? ", a new group from the beginning" : ", a new group from now"));
        watcher.run();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            System.err.println(args[i - 1] + " needs a value");
            System.exit(2);
        }
        return args[i];
    }
}

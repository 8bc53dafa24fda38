package io.infrashare.bench;

import io.infrashare.events.LogSeal;
import io.infrashare.events.WireRecord;
import io.infrashare.faultrun.Postgres;
import io.infrashare.transparency.CompactRange;
import io.infrashare.transparency.NoteSigner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the machine can do at all, measured in the same run as the service: PostgreSQL's single-row INSERT
 * transactions (each commit waits for its WAL flush, as the event store's appends do), Kafka's produce rate with
 * {@code acks=all} on the broker the service uses, and how fast one thread seals records for the organizations' logs.
 */
final class Limits {

    /** About the size of an event's JSON. */
    static final int RECORD_BYTES = 600;

    private Limits() {
    }

    /** Single-row INSERT transactions per second over {@code connections} connections, each its own client. */
    static double postgresInsertsPerSecond(Postgres postgres, int connections, Duration warmup, Duration measure)
            throws SQLException, InterruptedException {
        try (Connection connection = postgres.connect("bench"); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists single_row (id bigserial primary key, payload bytea not null)");
        }
        AtomicLong counted = new AtomicLong();
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long until = measureFrom + measure.toNanos();
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new CopyOnWriteArrayList<>();
        for (int i = 0; i < connections; i++) {
            Thread thread = new Thread(() -> {
                byte[] payload = new byte[RECORD_BYTES];
                try (Connection connection = postgres.connect("bench");
                     PreparedStatement insert = connection.prepareStatement(
                             "insert into single_row (payload) values (?)")) {
                    connection.setAutoCommit(true);
                    insert.setBytes(1, payload);
                    for (long now = System.nanoTime(); now < until; now = System.nanoTime()) {
                        insert.executeUpdate();
                        if (now >= measureFrom) {
                            counted.incrementAndGet();
                        }
                    }
                } catch (SQLException e) {
                    failures.add(e);
                }
            }, "pg-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("PostgreSQL inserts failed", failures.get(0));
        }
        return counted.get() / (measure.toNanos() / 1e9);
    }

    /** Records per second acknowledged by all in-sync replicas, from one idempotent producer, as the command side's. */
    static double kafkaRecordsPerSecond(String bootstrapServers, Duration warmup, Duration measure)
            throws ExecutionException, InterruptedException {
        String topic = "bench.produce";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
        AtomicLong acknowledged = new AtomicLong();
        Semaphore inFlight = new Semaphore(10_000);
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long until = measureFrom + measure.toNanos();
        byte[] value = new byte[RECORD_BYTES];
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 65_536),
                new StringSerializer(), new ByteArraySerializer())) {
            for (long sent = 0; System.nanoTime() < until; sent++) {
                inFlight.acquire();
                producer.send(new ProducerRecord<>(topic, "org" + (sent % 100), value), (metadata, exception) -> {
                    inFlight.release();
                    long now = System.nanoTime();
                    if (exception == null && now >= measureFrom && now < until) {
                        acknowledged.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        return acknowledged.get() / (measure.toNanos() / 1e9);
    }

    /**
     * Records per second one thread seals as the publisher does ({@link LogSeal#seal}: the canonical entry and its
     * leaf hash, the append to the tree, the checkpoint's Ed25519 signature), each a record of about
     * {@link #RECORD_BYTES} bytes of JSON, over ten organizations' logs.
     */
    static double sealsPerSecond(Duration warmup, Duration measure) {
        NoteSigner signer = NoteSigner.generate("bench.localhost/log");
        List<CompactRange> logs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            logs.add(CompactRange.empty());
        }
        String json = "{\"payload\":\"" + "x".repeat(RECORD_BYTES - 14) + "\"}";
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long until = measureFrom + measure.toNanos();
        long sealed = 0;
        for (long i = 0, now = System.nanoTime(); now < until; i++, now = System.nanoTime()) {
            String organization = "org" + (i % logs.size());
            WireRecord record = new WireRecord(organization, Map.of("ce_id", Long.toString(i),
                    "ce_type", "ResourceShared", "ce_organization", organization, "content-type", "application/json"),
                    json.getBytes(StandardCharsets.UTF_8));
            LogSeal.seal(record, logs.get((int) (i % logs.size())), "bench.localhost/log/" + organization, signer);
            if (now >= measureFrom) {
                sealed++;
            }
        }
        return sealed / (measure.toNanos() / 1e9);
    }
}

package io.infrashare.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.infrashare.faultrun.JavaService;
import io.infrashare.faultrun.Postgres;
import io.infrashare.query.TopicRecords;
import io.infrashare.query.Histories;
import io.infrashare.query.LogSealer;
import io.infrashare.transparency.NoteSigner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A query side rebuilding its read models from a long topic: a history of every kind of event for many
 * organizations is published first, then a fresh query side (its own database and consumer group) reads it from the
 * start, and the rate at which its read models take the events is measured.
 */
final class Replay {

    static final String TOPIC = "bench.replay";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Replay() {
    }

    /**
     * Publishes {@code events} events of {@code organizations} organizations, sealed as the command side seals them
     * with {@code signer}, the key the run's query sides trust; returns the seconds it took.
     */
    static double publish(String bootstrapServers, int events, int organizations, NoteSigner signer)
            throws ExecutionException, InterruptedException {
        LogSealer log = LogSealer.fresh(signer);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 6, (short) 1))).all().get();
        }
        long start = System.nanoTime();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 262_144),
                new StringSerializer(), new ByteArraySerializer())) {
            Histories.tell(events, organizations, "replay", JSON, (id, event) ->
                    producer.send(TopicRecords.of(log, TOPIC, id, event, JSON), (metadata, exception) -> {
                        if (exception != null) {
                            failure.compareAndSet(null, exception);
                        }
                    }));
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("The history could not be published", failure.get());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Starts {@code querySide} on the history and measures until it applied {@code events} events or {@code limit}
     * passed: events applied per second from the first one applied, and how many were.
     */
    static Progress measure(JavaService querySide, Postgres postgres, int events, Duration limit)
            throws Exception {
        querySide.start();
        long deadline = System.nanoTime() + limit.toNanos() + TimeUnit.MINUTES.toNanos(2);
        long first = 0;
        long firstCount = 0;
        long count = 0;
        long now = System.nanoTime();
        try (Connection connection = awaitDatabase(postgres, deadline)) {
            while (count < events && now < deadline && (first == 0 || now - first < limit.toNanos())) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
                if (!querySide.alive()) {
                    throw new IllegalStateException("The replaying query side stopped; see " + querySide.log());
                }
                count = applied(connection);
                now = System.nanoTime();
                if (first == 0 && count > 0) {
                    first = now;
                    firstCount = count;
                }
            }
        }
        double seconds = first == 0 ? 0 : (now - first) / 1e9;
        return new Progress(count, seconds, seconds == 0 ? 0 : (count - firstCount) / seconds, Memory.peakRssMib(querySide));
    }

    /** The replay's own database exists once the query side migrated it. */
    private static Connection awaitDatabase(Postgres postgres, long deadline) throws SQLException {
        while (true) {
            Connection connection = postgres.connect("replay");
            try {
                applied(connection);
                return connection;
            } catch (SQLException e) {
                connection.close();
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
        }
    }

    private static long applied(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select coalesce(sum(position), 0) from organization_position")) {
            result.next();
            return result.getLong(1);
        }
    }

    /** How far the replay got: events applied, in how many seconds from the first, at what rate, peak RSS. */
    record Progress(long applied, double seconds, double eventsPerSecond, long peakRssMib) {
    }
}

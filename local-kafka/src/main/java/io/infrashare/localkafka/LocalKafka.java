package io.infrashare.localkafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka (KRaft, broker and controller in one process) for running
 * infrashare on a machine without Docker. Its log directory is a plain folder, so topics and
 * their history survive restarts.
 *
 * <pre>java -jar local-kafka-exec.jar [--dir ./data/kafka] [--port 9092] [--controller-port 9093]</pre>
 */
public final class LocalKafka implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;

    private final Settings settings;
    private final KafkaRaftServer server;
    private final Logger log;
    private boolean closed;

    private LocalKafka(Settings settings, KafkaRaftServer server, Logger log) {
        this.settings = settings;
        this.server = server;
        this.log = log;
    }

    /** Where a broker listens and keeps its data. */
    public record Settings(Path dataDir, int port, int controllerPort) {

        public Settings {
            dataDir = dataDir.toAbsolutePath().normalize();
            if (port == controllerPort) {
                throw new IllegalArgumentException("the broker and controller ports must differ: " + port);
            }
        }

        static Settings parse(String[] args) {
            String dir = env("KAFKA_DATA_DIR", "./data/kafka");
            String port = env("KAFKA_PORT", "9092");
            String controllerPort = env("KAFKA_CONTROLLER_PORT", "9093");
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--dir" -> dir = value(args, ++i, arg);
                    case "--port" -> port = value(args, ++i, arg);
                    case "--controller-port" -> controllerPort = value(args, ++i, arg);
                    default -> throw new IllegalArgumentException("unknown argument: " + arg);
                }
            }
            return new Settings(Path.of(dir), Integer.parseInt(port), Integer.parseInt(controllerPort));
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }
    }

    public static void main(String[] args) throws InterruptedException {
        // before the first logger exists; a file named logback.xml would also configure every app depending on this jar
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "local-kafka-logback.xml");
        }
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println("usage: local-kafka [--dir ./data/kafka] [--port 9092] [--controller-port 9093]");
            System.out.println("environment: KAFKA_DATA_DIR, KAFKA_PORT, KAFKA_CONTROLLER_PORT (arguments win)");
            return;
        }
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("local-kafka: " + e.getMessage());
            System.exit(2);
            return;
        }

        LocalKafka kafka;
        try {
            kafka = start(settings);
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(LocalKafka.class).error("Kafka did not start", e);
            // Kafka's own non-daemon threads would otherwise keep a half-started JVM alive
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGINT and SIGTERM run the shutdown hooks: stop the broker before the JVM goes away so the logs close cleanly
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            stopped.countDown();
        }, "local-kafka-shutdown"));
        stopped.await();
    }

    /** Formats {@code settings.dataDir()} if it is new, then starts the broker and returns once it serves clients. */
    public static LocalKafka start(Settings settings) {
        Logger log = LoggerFactory.getLogger(LocalKafka.class);
        Properties properties = serverProperties(settings);
        try {
            formatOnFirstRun(settings, properties, log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare " + settings.dataDir(), e);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        server.startup();
        log.info("Kafka {} ready on {} (data in {})", kafkaVersion(), bootstrapServers(settings), settings.dataDir());
        return new LocalKafka(settings, server, log);
    }

    public String bootstrapServers() {
        return bootstrapServers(settings);
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        log.info("stopping Kafka on {}", bootstrapServers());
        server.shutdown();
        server.awaitShutdown();
        log.info("Kafka stopped");
    }

    private static String bootstrapServers(Settings settings) {
        return HOST + ":" + settings.port();
    }

    static Properties serverProperties(Settings settings) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", String.valueOf(NODE_ID));
        p.setProperty("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + settings.controllerPort());
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        // loopback only: this broker has no authentication
        p.setProperty("listeners", "PLAINTEXT://" + HOST + ":" + settings.port() + ",CONTROLLER://" + HOST + ":" + settings.controllerPort());
        p.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + settings.port());
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", settings.dataDir().toString());

        // one node: every internal topic has a single replica
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");

        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("num.partitions", "3");
        // the event topic is the query side's way to rebuild: keep all of it
        p.setProperty("log.retention.ms", "-1");
        p.setProperty("log.retention.bytes", "-1");
        // nobody else will join the group, so don't wait for them
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    private static void formatOnFirstRun(Settings settings, Properties properties, Logger log) throws IOException {
        Files.createDirectories(settings.dataDir());
        if (Files.exists(settings.dataDir().resolve("meta.properties"))) {
            return;
        }
        Path config = Files.createTempFile("local-kafka-", ".properties");
        try {
            try (Writer writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
                properties.store(writer, null);
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int status;
            try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
                status = StorageTool.execute(new String[] {
                        "format", "--config", config.toString(),
                        "--cluster-id", Uuid.randomUuid().toString(), "--ignore-formatted"}, out);
            }
            String printed = output.toString(StandardCharsets.UTF_8).trim();
            if (status != 0) {
                throw new IllegalStateException("formatting " + settings.dataDir() + " failed: " + printed);
            }
            log.info("{}", printed);
        } finally {
            Files.deleteIfExists(config);
        }
    }

    private static String kafkaVersion() {
        return org.apache.kafka.common.utils.AppInfoParser.getVersion();
    }
}

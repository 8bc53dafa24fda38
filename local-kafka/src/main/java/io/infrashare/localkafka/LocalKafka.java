package io.infrashare.localkafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 *
 * As {@code ./infrashare up} runs it, it listens on the loopback only and takes any client (PLAINTEXT). Started
 * {@linkplain #startSecured secured}, it is configured as the compose file's brokers are: clients authenticate with
 * SASL SCRAM-SHA-512, and ACLs decide what each may do.
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

    /**
     * The broker's own user, the only super user: it authenticates between brokers, to the controller, and is the
     * one that creates the other users and their ACLs. Its SCRAM credentials are written when the storage is
     * formatted, as {@code kafka-storage.sh format --add-scram} does.
     */
    public record Security(String superUser, String superUserPassword) {

        public static final String MECHANISM = "SCRAM-SHA-512";

        public Security {
            if (superUser.isBlank() || superUserPassword.isBlank()) {
                throw new IllegalArgumentException("the super user needs a name and a password");
            }
        }

        /** What a client authenticating as {@code user} sets, besides {@code bootstrap.servers}. */
        public static Map<String, Object> clientProperties(String user, String password) {
            return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", MECHANISM,
                    "sasl.jaas.config", login("scram.ScramLoginModule", user, password, ""));
        }

        /** What a client authenticating as the super user sets. */
        public Map<String, Object> superUserProperties() {
            return clientProperties(superUser, superUserPassword);
        }
    }

    /** Formats {@code settings.dataDir()} if it is new, then starts the broker and returns once it serves clients. */
    public static LocalKafka start(Settings settings) {
        return start(settings, serverProperties(settings), List.of());
    }

    /**
     * As {@link #start(Settings)}, but every listener takes SASL clients only (SCRAM-SHA-512 for clients and between
     * brokers, PLAIN with the super user's static credentials to the controller, where SCRAM is not supported), and
     * the StandardAuthorizer denies whatever no ACL allows. The super user's credentials are added when a new data
     * folder is formatted; an existing folder keeps the users it has.
     */
    public static LocalKafka startSecured(Settings settings, Security security) {
        Properties properties = serverProperties(settings);
        String listener = "SASL_PLAINTEXT://" + HOST + ":" + settings.port();
        properties.setProperty("listeners", listener + ",CONTROLLER://" + HOST + ":" + settings.controllerPort());
        properties.setProperty("advertised.listeners", listener);
        properties.setProperty("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        properties.setProperty("inter.broker.listener.name", "SASL_PLAINTEXT");
        properties.setProperty("sasl.enabled.mechanisms", Security.MECHANISM);
        properties.setProperty("sasl.mechanism.inter.broker.protocol", Security.MECHANISM);
        properties.setProperty("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                login("scram.ScramLoginModule", security.superUser(), security.superUserPassword(), ""));
        properties.setProperty("sasl.mechanism.controller.protocol", "PLAIN");
        properties.setProperty("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        // the controller's one user, as it logs in and as it is checked
        properties.setProperty("listener.name.controller.plain.sasl.jaas.config",
                login("plain.PlainLoginModule", security.superUser(), security.superUserPassword(),
                        " user_" + security.superUser() + "=\"" + security.superUserPassword() + "\""));
        properties.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        properties.setProperty("super.users", "User:" + security.superUser());
        properties.setProperty("allow.everyone.if.no.acl.found", "false");
        // no topic appears by being used: the users that may create one do so
        properties.setProperty("auto.create.topics.enable", "false");
        return start(settings, properties, List.of("--add-scram", Security.MECHANISM + "=[name=" + security.superUser()
                + ",password=" + security.superUserPassword() + "]"));
    }

    private static String login(String module, String user, String password, String more) {
        return "org.apache.kafka.common.security." + module + " required username=\"" + user + "\" password=\""
                + password + "\"" + more + ";";
    }

    private static LocalKafka start(Settings settings, Properties properties, List<String> formatArguments) {
        Logger log = LoggerFactory.getLogger(LocalKafka.class);
        try {
            formatOnFirstRun(settings, properties, formatArguments, log);
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

    private static void formatOnFirstRun(Settings settings, Properties properties, List<String> formatArguments,
                                         Logger log) throws IOException {
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
                List<String> arguments = new ArrayList<>(List.of("format", "--config", config.toString(),
                        "--cluster-id", Uuid.randomUuid().toString(), "--ignore-formatted"));
                arguments.addAll(formatArguments);
                status = StorageTool.execute(arguments.toArray(String[]::new), out);
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

package io.infrashare.testing;

import org.testcontainers.DockerClientFactory;

import java.util.Locale;
import java.util.Set;

/**
 * Where the tests get their Kafka brokers and PostgreSQL databases: from Testcontainers when a Docker engine answers,
 * else from an in-process KRaft broker and PostgreSQL's embedded binaries (io.zonky.test). Both are real servers; the
 * tests and their assertions are the same either way. The system property {@code infrashare.test.infrastructure}
 * ({@code containers} or {@code embedded}) overrides the choice.
 */
public final class TestInfrastructure {

    public static final String CHOICE_PROPERTY = "infrashare.test.infrastructure";

    /** The two ways of getting the servers. */
    public enum Kind {
        CONTAINERS("Kafka and PostgreSQL in containers (Testcontainers, a Docker engine answered)"),
        EMBEDDED("Kafka in process (KRaft) and PostgreSQL from its embedded binaries (no Docker engine answered)");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private static volatile Kind kind;

    private TestInfrastructure() {
    }

    /** The kind this JVM uses, decided once. */
    public static Kind kind() {
        Kind chosen = kind;
        if (chosen == null) {
            synchronized (TestInfrastructure.class) {
                if (kind == null) {
                    kind = choose(System.getProperty(CHOICE_PROPERTY, "auto"));
                }
                chosen = kind;
            }
        }
        return chosen;
    }

    static Kind choose(String choice) {
        return switch (choice.trim().toLowerCase(Locale.ROOT)) {
            case "containers" -> Kind.CONTAINERS;
            case "embedded" -> Kind.EMBEDDED;
            case "auto", "" -> dockerAnswers() ? Kind.CONTAINERS : Kind.EMBEDDED;
            default -> throw new IllegalArgumentException(
                    CHOICE_PROPERTY + " is '" + choice + "': use containers, embedded or auto");
        };
    }

    private static boolean dockerAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** A broker of its own, started; close it when done. */
    public static KafkaBroker startKafka(int partitions, boolean autoCreateTopics, Set<String> topics) {
        KafkaBroker.Settings settings = new KafkaBroker.Settings(partitions, autoCreateTopics, topics);
        return kind() == Kind.CONTAINERS ? ContainerKafka.start(settings) : InProcessKafka.start(settings);
    }

    /** A broker of its own with one partition per topic, topics created as they are first used. */
    public static KafkaBroker startKafka() {
        return startKafka(1, true, Set.of());
    }

    /** A new, empty database on this JVM's PostgreSQL server. */
    public static Database newDatabase() {
        return PostgresServer.instance().newDatabase();
    }
}

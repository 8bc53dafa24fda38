package io.infrashare.system;

import io.infrashare.http.Api;
import io.infrashare.localkafka.LocalKafka;
import io.infrashare.testing.TestInfrastructure;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Only the command side writes the topic, on a broker secured as the compose file's are: SASL SCRAM-SHA-512 for
 * every client, the StandardAuthorizer, and the users and ACLs of {@code docker/kafka}. The command side runs
 * from its jar with its credentials in the variables the compose file sets, creates the topic and publishes a
 * command's event; the other users may read it and nothing else.
 */
class TopicAclIT {

    private static final String TOPIC = "infrashare.events";
    private static final String DEAD_LETTERS = TOPIC + ".DLT";
    private static final String CHECKPOINTS = "infrashare.checkpoints";
    private static final LocalKafka.Security BROKER = new LocalKafka.Security("broker", secret());
    private static final Map<String, String> PASSWORDS = Map.of(
            "command-side", secret(), "query-side", secret(), "consumer", secret());

    @TempDir
    static Path data;

    private static LocalKafka kafka;
    private static ServiceProcess commandSide;

    @BeforeAll
    static void startTheBrokerAndTheCommandSide() throws Exception {
        kafka = LocalKafka.startSecured(new LocalKafka.Settings(data.resolve("kafka"), freePort(), freePort()), BROKER);
        try (Admin admin = Admin.create(client(BROKER.superUserProperties()))) {
            admin.alterUserScramCredentials(PASSWORDS.entrySet().stream()
                    .<UserScramCredentialAlteration>map(user -> new UserScramCredentialUpsertion(user.getKey(),
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), user.getValue()))
                    .toList()).all().get();
            admin.createAcls(theStacksAcls()).all().get();

            // the variables docker-compose.yml sets for the command side
            Map<String, Object> credentials = LocalKafka.Security.clientProperties("command-side",
                    PASSWORDS.get("command-side"));
            commandSide = ServiceProcess.start("command-side", freePort(), ServiceProcess.on(
                    TestInfrastructure.newDatabase(), Map.of(
                            "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                            "KAFKA_SECURITY_PROTOCOL", (String) credentials.get("security.protocol"),
                            "KAFKA_SASL_MECHANISM", (String) credentials.get("sasl.mechanism"),
                            "KAFKA_SASL_JAAS_CONFIG", (String) credentials.get("sasl.jaas.config"),
                            "INFRASHARE_DATA_DIR", data.toString())));
            // the broker creates no topic: the command side does, as its user
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> admin.describeTopics(List.of(TOPIC)).allTopicNames().get().containsKey(TOPIC));
        }
    }

    /** As {@code docker/kafka/acls.sh} grants them in the compose stack. */
    static List<AclBinding> theStacksAcls() {
        return Stream.of(
                allow("command-side", ResourceType.TOPIC, TOPIC, PatternType.LITERAL,
                        AclOperation.WRITE, AclOperation.CREATE, AclOperation.DESCRIBE),
                allow("query-side", ResourceType.TOPIC, TOPIC, PatternType.LITERAL, AclOperation.READ),
                allow("query-side", ResourceType.GROUP, "infrashare-query-side", PatternType.PREFIXED, AclOperation.READ),
                allow("query-side", ResourceType.TOPIC, "infrashare.checkpoints", PatternType.LITERAL,
                        AclOperation.READ),
                allow("query-side", ResourceType.TOPIC, DEAD_LETTERS, PatternType.LITERAL,
                        AclOperation.WRITE, AclOperation.CREATE, AclOperation.DESCRIBE),
                allow("consumer", ResourceType.TOPIC, TOPIC, PatternType.LITERAL, AclOperation.READ),
                allow("consumer", ResourceType.GROUP, "downstream-", PatternType.PREFIXED, AclOperation.READ),
                allow("command-side", ResourceType.TOPIC, CHECKPOINTS, PatternType.LITERAL,
                        AclOperation.WRITE, AclOperation.CREATE, AclOperation.DESCRIBE),
                allow("query-side", ResourceType.TOPIC, CHECKPOINTS, PatternType.LITERAL, AclOperation.READ),
                allow("consumer", ResourceType.TOPIC, CHECKPOINTS, PatternType.LITERAL, AclOperation.READ))
                .flatMap(List::stream).toList();
    }

    private static List<AclBinding> allow(String user, ResourceType type, String name, PatternType pattern,
                                          AclOperation... operations) {
        return Stream.of(operations).map(operation -> new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW))).toList();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (commandSide != null) {
            commandSide.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void theCommandSidePublishesACommandsEventWithItsCredentials() throws Exception {
        Api commands = commandSide.api();
        assertThat(commands.as("dev-ops").post("/projects",
                "{\"name\":\"Shared Infra\",\"abbreviation\":\"si\",\"ownerTeam\":\"ops\"}").status()).isEqualTo(201);

        List<ConsumerRecord<String, String>> read = readAsUntil("consumer", "downstream-" + UUID.randomUUID(),
                records -> records.stream().anyMatch(record -> "ProjectCreated".equals(header(record, "ce_type"))));

        assertThat(read).filteredOn(record -> "ProjectCreated".equals(header(record, "ce_type")))
                .extracting(ConsumerRecord::key).containsExactly("acme");
    }

    @Test
    void aClientWithAWrongPasswordIsNotAuthenticated() {
        try (var producer = producerAs("command-side", "not-" + PASSWORDS.get("command-side"))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(TOPIC, "acme", "forged")).get())
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void aClientWithoutSaslIsNotServedAtAll() {
        Map<String, Object> plaintext = new HashMap<>(client(Map.of()));
        plaintext.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        try (var producer = new KafkaProducer<>(plaintext, new StringSerializer(), new StringSerializer())) {
            // the broker closes the connection on the first request that is not part of a SASL handshake
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(TOPIC, "acme", "forged")).get())
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TimeoutException.class);
        }
    }

    @Test
    void theReadingUsersCannotWriteTheTopic() {
        for (String reader : List.of("query-side", "consumer")) {
            try (var producer = producerAs(reader, PASSWORDS.get(reader))) {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>(TOPIC, "acme", "forged")).get())
                        .as(reader)
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(TopicAuthorizationException.class);
            }
        }
    }

    @Test
    void theCommandSidesUserWritesTheTopicAndTheReadingUsersReadIt() throws Exception {
        String id = UUID.randomUUID().toString();
        try (var producer = producerAs("command-side", PASSWORDS.get("command-side"))) {
            producer.send(new ProducerRecord<>(TOPIC, "acme", id)).get();
        }

        for (var reader : Map.of("query-side", "infrashare-query-side-" + id, "consumer", "downstream-" + id).entrySet()) {
            assertThat(readAsUntil(reader.getKey(), reader.getValue(),
                    records -> records.stream().anyMatch(record -> id.equals(record.value()))))
                    .as(reader.getKey()).isNotEmpty();
        }
    }

    @Test
    void theQuerySideWritesItsDeadLetterTopicAndTheConsumerNeitherItNorTheQuerySidesGroup() throws Exception {
        try (Admin querySide = Admin.create(client(LocalKafka.Security.clientProperties("query-side",
                PASSWORDS.get("query-side"))))) {
            querySide.createTopics(List.of(new NewTopic(DEAD_LETTERS, 1, (short) 1)))
                    .all().get();
        }
        try (var producer = producerAs("query-side", PASSWORDS.get("query-side"))) {
            producer.send(new ProducerRecord<>(DEAD_LETTERS, "acme", "parked")).get();
        }
        try (var producer = producerAs("consumer", PASSWORDS.get("consumer"))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(DEAD_LETTERS, "acme", "forged")).get())
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        assertThatThrownBy(() -> readAsUntil("consumer", "infrashare-query-side", records -> !records.isEmpty()))
                .isInstanceOf(GroupAuthorizationException.class);
    }

    /** Polls the topic from its start in a new group of {@code group} until what was read satisfies {@code enough}. */
    private static List<ConsumerRecord<String, String>> readAsUntil(
            String user, String group, java.util.function.Predicate<List<ConsumerRecord<String, String>>> enough) {
        Map<String, Object> properties = new HashMap<>(client(LocalKafka.Security.clientProperties(user,
                PASSWORDS.get(user))));
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                return enough.test(read);
            });
        }
        return read;
    }

    private static KafkaProducer<String, String> producerAs(String user, String password) {
        Map<String, Object> properties = new HashMap<>(client(LocalKafka.Security.clientProperties(user, password)));
        // not idempotent: a user with no WRITE at all would be refused a producer id first (a cluster permission);
        // the refusal to see is the topic's
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    private static Map<String, Object> client(Map<String, Object> security) {
        Map<String, Object> properties = new HashMap<>(security);
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return properties;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String secret() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

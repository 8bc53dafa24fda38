package io.infrashare.system;

import io.infrashare.examples.DefaultChangeWatcher;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.testing.KafkaBroker;
import io.infrashare.testing.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example consumer of {@code examples/}, against a real broker, while the command side (its own process, as
 * {@code ./infrashare up} runs it) changes defaults: it prints each network and cluster default change once, in
 * order, and has committed what it handled, so a restart goes on where it stopped.
 */
class DefaultChangeWatcherIT {

    private static final String TOPIC = "infrashare.events";
    private static final String GROUP = "deployer";

    @TempDir
    static Path data;

    private static KafkaBroker kafka;
    private static ServiceProcess commandSide;
    private static Api commands;

    @BeforeAll
    static void startTheStack() throws IOException {
        kafka = TestInfrastructure.startKafka();
        commandSide = ServiceProcess.start("command-side", ServiceProcess.freePort(),
                ServiceProcess.on(TestInfrastructure.newDatabase(), Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "INFRASHARE_DATA_DIR", data.toString())));
        commands = commandSide.api();
    }

    @AfterAll
    static void stopTheStack() throws Exception {
        ServiceProcess.stopAll(commandSide, kafka);
    }

    @Test
    void printsEachNetworkAndClusterDefaultChangeOnceAndGoesOnWhereItStoppedAfterARestart() throws Exception {
        List<String> printed = new CopyOnWriteArrayList<>();
        Following watcher = Following.start(printed);

        ok(commands.as("dev-ops").post("/projects",
                "{\"name\":\"Shared Infra\",\"abbreviation\":\"si\",\"ownerTeam\":\"ops\"}"), 201);
        ok(commands.as("dev-ecomm").post("/projects",
                "{\"name\":\"ECommerce API\",\"abbreviation\":\"ecomm\",\"ownerTeam\":\"ecommerce\"}"), 201);
        for (String[] pkg : new String[][]{{"vpc", "aws-vpc"}, {"k8s", "kubernetes-cluster"}, {"role", "aws-iam-role"}}) {
            ok(commands.as("dev-ops").post("/projects/si/packages", "{\"name\":\"" + pkg[0] + "\",\"bundle\":\""
                    + pkg[1] + "\",\"resourceType\":\"" + pkg[1] + "\"}"), 201);
        }
        String usVpc = provision("vpc", "US VPC");
        String euVpc = provision("vpc", "EU VPC");
        String cluster = provision("k8s", "Shared EKS");
        String role = provision("role", "Deployer role");
        ok(commands.as("dev-ecomm").post("/projects/ecomm/environments",
                "{\"name\":\"Staging\",\"abbreviation\":\"staging\"}"), 201);
        setDefault("ecomm-staging", "aws-vpc", usVpc);
        setDefault("ecomm-staging", "kubernetes-cluster", cluster);
        setDefault("ecomm-staging", "aws-iam-role", role);
        setDefault("ecomm-staging", "aws-vpc", euVpc);
        ok(commands.as("dev-ecomm").post("/projects/ecomm/environments",
                "{\"name\":\"PR 7\",\"abbreviation\":\"pr7\",\"labels\":{\"tier\":\"preview\"},"
                        + "\"forkOf\":\"ecomm-staging\"}"), 201);
        ok(commands.as("dev-ecomm").delete("/environments/ecomm-pr7"), 200);

        List<String> expected = List.of(
                "ecomm-staging: network default is now aws-vpc " + usVpc + " of si",
                "ecomm-staging: cluster default is now kubernetes-cluster " + cluster + " of si",
                "ecomm-staging: network default is now aws-vpc " + euVpc + " of si, replacing " + usVpc,
                "ecomm-pr7: network default is now aws-vpc " + euVpc + " of si",
                "ecomm-pr7: cluster default is now kubernetes-cluster " + cluster + " of si",
                "ecomm-pr7: cluster default kubernetes-cluster " + cluster + " is cleared",
                "ecomm-pr7: network default aws-vpc " + euVpc + " is cleared");
        await("the default changes printed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(withoutProvenance(printed)).containsExactlyInAnyOrderElementsOf(expected));
        assertThat(withoutProvenance(printed)).as("in the order they were decided")
                .containsSubsequence(expected.subList(0, 3))
                .containsSubsequence(expected.get(3), expected.get(5));
        assertThat(printed).allSatisfy(line -> assertThat(line).containsPattern(" \\(20\\d\\d-.*Z by eric\\)$"));

        publishAgain(defaultSetTo(euVpc));
        await("the duplicate handled and committed").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)).until(DefaultChangeWatcherIT::everythingCommitted);
        assertThat(withoutProvenance(printed)).as("a redelivered event is printed once")
                .containsExactlyInAnyOrderElementsOf(expected);

        watcher.stop();
        List<String> afterRestart = new CopyOnWriteArrayList<>();
        Following restarted = Following.start(afterRestart);
        try {
            ok(commands.as("dev-ecomm").delete("/environments/ecomm-staging/defaults/kubernetes-cluster"),
                    200);
            await("the change after the restart").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(withoutProvenance(afterRestart)).containsExactly(
                            "ecomm-staging: cluster default kubernetes-cluster " + cluster + " is cleared"));
        } finally {
            restarted.stop();
        }
    }

    /** The watcher following the topic on a thread of its own, as group {@value GROUP}. */
    private record Following(DefaultChangeWatcher watcher, Thread thread) {

        static Following start(List<String> printed) {
            var watcher = new DefaultChangeWatcher(kafka.bootstrapServers(), TOPIC, GROUP, true, printed::add);
            var thread = new Thread(watcher, "default-watcher");
            thread.start();
            return new Following(watcher, thread);
        }

        void stop() throws InterruptedException {
            watcher.close();
            thread.join();
        }
    }

    /** A package of Shared Infra provisioned in an environment of its own, and shared with ECommerce API. */
    private static String provision(String pkg, String name) throws Exception {
        String environment = "si-" + name.toLowerCase().replaceAll("[^a-z]", "");
        ok(commands.as("dev-ops").post("/projects/si/environments",
                "{\"name\":\"" + name + "\",\"abbreviation\":\"" + environment.substring(3) + "\"}"), 201);
        Answer resource = commands.as("dev-ops").post("/environments/" + environment + "/resources",
                "{\"package\":\"" + pkg + "\",\"name\":\"" + name + "\"}");
        ok(resource, 201);
        String id = resource.body().path("id").asText();
        ok(commands.as("dev-ops").put("/resources/" + id + "/shares/ecomm", null), 200);
        return id;
    }

    private static void setDefault(String environment, String type, String resource) throws Exception {
        ok(commands.as("dev-ecomm").put("/environments/" + environment + "/defaults/" + type,
                "{\"resource\":\"" + resource + "\"}"), 200);
    }

    private static void ok(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
    }

    private static List<String> withoutProvenance(List<String> lines) {
        return lines.stream().map(line -> line.substring(0, line.lastIndexOf(" ("))).toList();
    }

    private static ConsumerRecord<String, byte[]> defaultSetTo(String resource) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if ("EnvironmentDefaultSet".equals(header(record, "ce_type"))
                            && new String(record.value(), StandardCharsets.UTF_8).contains(resource)) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    /** What a producer retrying after a lost acknowledgement does: the same event, with the same id, again. */
    private static void publishAgain(ConsumerRecord<String, byte[]> record) throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            var again = new ProducerRecord<>(TOPIC, record.key(), record.value());
            record.headers().forEach(again.headers()::add);
            producer.send(again).get();
        }
    }

    private static boolean everythingCommitted() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
            Set<TopicPartition> partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC)
                    .partitions().stream().map(partition -> new TopicPartition(TOPIC, partition.partition()))
                    .collect(Collectors.toSet());
            Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream().collect(
                    Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()))).all().get()
                    .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
            return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                    || (committed.containsKey(end.getKey()) && committed.get(end.getKey()).offset() == end.getValue()));
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

package io.infrashare.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.testing.KafkaBroker;
import io.infrashare.testing.WithKafka;
import io.infrashare.testing.WithPostgres;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Every row of docs/http-api.md's command table, and every answer it names, sent over HTTP with the demo principals' tokens:
 * the status and problem type a client gets, and what a downstream consumer then sees on the topic (the events a
 * write records, and nothing for a refusal or a repeated write).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka
class CommandTableIT {

    private static final String OPS = "dev-ops";
    private static final String ECOMM = "dev-ecomm";
    private static final String ADMIN = "dev-admin";
    private static final String AUDITOR = "dev-auditor";
    private static final String GLOBEX = "dev-globex";

    private static final String NEW_PROD = "{\"name\":\"Prod\",\"abbreviation\":\"prod\"}";
    private static final String ANOTHER_VPC = "{\"package\":\"vpc\",\"name\":\"x\"}";

    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final AtomicInteger MARKERS = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    /** The broker of this context, which every class of the same configuration shares. */
    @Autowired
    KafkaBroker kafka;

    private Api http;
    private TopicReader topic;
    private final List<Recorded> published = new ArrayList<>();

    /** Each test has projects of its own, since the database and the topic outlive a test. */
    private int run;
    /** The ops team's project, which owns the shared infrastructure. */
    private String infra;
    /** The e-commerce team's project, which consumes it. */
    private String shop;
    private String infraStaging;
    private String shopStaging;

    @BeforeAll
    void connect() {
        http = Api.localhost(port);
        topic = new TopicReader(kafka.bootstrapServers(), "infrashare.events");
    }

    @AfterAll
    void disconnect() {
        topic.close();
    }

    @BeforeEach
    void freshProjects() {
        run = RUNS.incrementAndGet();
        infra = "ct" + run + "infra";
        shop = "ct" + run + "shop";
        infraStaging = infra + "-staging";
        shopStaging = shop + "-staging";
    }

    // scenario

    private String project(String token, String abbreviation, String team) {
        Answer created = http.as(token).post("/projects",
                "{\"name\":\"Project " + abbreviation + "\",\"abbreviation\":\"" + abbreviation
                        + "\",\"ownerTeam\":\"" + team + "\"}");
        assertThat(created.status()).as("project %s created", abbreviation).isEqualTo(201);
        assertThat(created.text("id")).isEqualTo(abbreviation);
        return abbreviation;
    }

    private String environment(String token, String project, String abbreviation) {
        Answer created = http.as(token).post("/projects/" + project + "/environments",
                "{\"name\":\"" + abbreviation + "\",\"abbreviation\":\"" + abbreviation + "\"}");
        assertThat(created.status()).as("environment %s of %s created", abbreviation, project).isEqualTo(201);
        return created.text("id");
    }

    private void addPackage(String token, String project, String name, String type) {
        assertThat(http.as(token).post("/projects/" + project + "/packages", packageBody(name, type)).status())
                .as("package %s added to %s", name, project).isEqualTo(201);
    }

    private static String packageBody(String name, String type) {
        return "{\"name\":\"" + name + "\",\"bundle\":\"" + type + "\",\"resourceType\":\"" + type + "\"}";
    }

    private String provision(String token, String environment, String pkg) {
        Answer provisioned = http.as(token).post("/environments/" + environment + "/resources",
                "{\"package\":\"" + pkg + "\",\"name\":\"" + pkg + " of " + environment + "\"}");
        assertThat(provisioned.status()).as("%s provisioned in %s", pkg, environment).isEqualTo(201);
        return provisioned.text("id");
    }

    private String importInto(String token, String project, String type) {
        Answer imported = http.as(token).post("/projects/" + project + "/resources",
                "{\"type\":\"" + type + "\",\"name\":\"legacy " + type + "\"}");
        assertThat(imported.status()).as("%s imported into %s", type, project).isEqualTo(201);
        return imported.text("id");
    }

    private void share(String resource, String project) {
        assertThat(http.as(OPS).put("/resources/" + resource + "/shares/" + project, null).status())
                .as("resource shared with %s", project).isEqualTo(200);
    }

    private Answer setDefault(String token, String environment, String type, String resource) {
        return http.as(token).put("/environments/" + environment + "/defaults/" + type, resourceBody(resource));
    }

    private Answer setReference(String token, String environment, String pkg, String resource) {
        return http.as(token).put("/environments/" + environment + "/remote-references/" + pkg, resourceBody(resource));
    }

    private static String resourceBody(String resource) {
        return "{\"resource\":\"" + resource + "\"}";
    }

    private Answer delete(String token, String path) {
        return http.as(token).delete(path);
    }

    private Answer patch(String token, String resource, String json) {
        return http.as(token).patch("/resources/" + resource, json);
    }

    /** The ops team's project, with a VPC provisioned in its staging environment. */
    private String vpcInInfraStaging() {
        project(OPS, infra, "ops");
        environment(OPS, infra, "staging");
        addPackage(OPS, infra, "vpc", "aws-vpc");
        return provision(OPS, infraStaging, "vpc");
    }

    /** The e-commerce team's project, with a staging environment. */
    private void shopWithStaging() {
        project(ECOMM, shop, "ecommerce");
        environment(ECOMM, shop, "staging");
    }

    /** The usual scenario: the ops team's staging VPC, shared with the e-commerce project. */
    private String vpcSharedWithShop() {
        String vpc = vpcInInfraStaging();
        shopWithStaging();
        share(vpc, shop);
        return vpc;
    }

    /** A Kubernetes cluster of the ops team, provisioned in its staging environment and shared with the shop. */
    private String clusterSharedWithShop() {
        addPackage(OPS, infra, "k8s", "kubernetes-cluster");
        String cluster = provision(OPS, infraStaging, "k8s");
        share(cluster, shop);
        return cluster;
    }

    // what the topic shows

    /** One published event as a downstream consumer reads it. */
    private record Recorded(String id, String organization, String type, String subject, JsonNode data) {

        String actor() {
            return data.path("provenance").path("actor").asText();
        }
    }

    private List<Recorded> published() {
        List<ConsumerRecord<String, byte[]>> records = topic.records();
        for (ConsumerRecord<String, byte[]> record : records.subList(published.size(), records.size())) {
            published.add(new Recorded(TopicReader.header(record, "ce_id"), record.key(),
                    TopicReader.header(record, "ce_type"),
                    TopicReader.header(record, "ce_subject"), json(record.value())));
        }
        return List.copyOf(published);
    }

    /**
     * What acme's topic holds about a project once everything recorded so far is published. An admin adds a marker
     * package last and the topic is read until it arrives: publication follows the stored order, so whatever a
     * refused or repeated write might have recorded would be there by then.
     */
    private List<Recorded> recordedAbout(String project) {
        String marker = "zmark" + MARKERS.incrementAndGet();
        assertThat(http.as(ADMIN).post("/projects/" + project + "/packages", packageBody(marker, "marker")).status())
                .isEqualTo(201);
        String markerSubject = "projects/" + project + "/packages/" + marker;
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(() -> published().stream().anyMatch(event -> markerSubject.equals(event.subject())));
        return published().stream()
                .filter(event -> "acme".equals(event.organization())
                        && project.equals(event.data().path("project").asText()))
                .takeWhile(event -> !markerSubject.equals(event.subject()))
                .filter(event -> !event.subject().startsWith("projects/" + project + "/packages/zmark"))
                .toList();
    }

    private List<String> typesAbout(String project, String subject) {
        return recordedAbout(project).stream().filter(event -> subject.equals(event.subject()))
                .map(Recorded::type).toList();
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // answers

    private static void assertProblem(Answer answer, int status, String type) {
        assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        assertThat(answer.text("type")).isEqualTo(type);
        assertThat(answer.body().path("status").asInt()).isEqualTo(status);
    }

    private static void assertInvalid(Answer answer, String field) {
        assertProblem(answer, 400, "/problems/invalid-request");
        assertThat(answer.body().path("errors").findValuesAsText("field")).as("fields named in %s", answer.body())
                .contains(field);
    }

    /** The events an answer names, as id and type, to compare with what the topic shows. */
    private static List<List<String>> named(Answer answer) {
        List<List<String>> events = new ArrayList<>();
        answer.body().path("events").forEach(event -> events.add(List.of(event.path("id").asText(),
                event.path("type").asText())));
        return events;
    }

    private static JsonNode withoutEvents(Answer answer) {
        ObjectNode body = answer.body().deepCopy();
        return body.without("events");
    }

    private static List<List<String>> named(List<Recorded> recorded) {
        return recorded.stream().map(event -> List.of(event.id(), event.type())).toList();
    }

    private static ObjectNode consumer(String environment, String project, String via, String pkg) {
        ObjectNode consumer = JSON.createObjectNode();
        consumer.put("environment", environment);
        consumer.put("project", project);
        consumer.put("via", via);
        consumer.put("package", pkg);
        return consumer;
    }

    private static List<JsonNode> consumers(Answer answer) {
        List<JsonNode> consumers = new ArrayList<>();
        answer.body().path("consumers").forEach(consumers::add);
        return consumers;
    }

    // POST /projects

    @Test
    void aTeamMemberCreatesAProjectForTheirTeam() {
        Answer created = http.as(OPS).post("/projects",
                "{\"name\":\"Shared Infra\",\"abbreviation\":\"" + infra + "\",\"ownerTeam\":\"ops\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("id")).isEqualTo(infra);
        List<Recorded> recorded = recordedAbout(infra);
        assertThat(recorded).extracting(Recorded::type).containsExactly("ProjectCreated");
        assertThat(named(created)).isEqualTo(named(recorded));
        assertThat(recorded.get(0).subject()).isEqualTo("projects/" + infra);
        assertThat(recorded.get(0).data().path("ownerTeam").asText()).isEqualTo("ops");
        assertThat(recorded.get(0).actor()).isEqualTo("olivia");
    }

    @Test
    void anAdminCreatesAProjectForAnyTeamAndThatTeamManagesIt() {
        project(ADMIN, shop, "ecommerce");

        assertThat(http.as(ECOMM).post("/projects/" + shop + "/environments",
                "{\"name\":\"Staging\",\"abbreviation\":\"staging\"}").status()).isEqualTo(201);
        assertThat(recordedAbout(shop)).extracting(Recorded::actor).containsExactly("ada", "eric");
    }

    @Test
    void creatingAProjectForATeamTheCallerIsNotInIsForbiddenAndRecordsNothing() {
        Answer refused = http.as(ECOMM).post("/projects",
                "{\"name\":\"Shared Infra\",\"abbreviation\":\"" + infra + "\",\"ownerTeam\":\"ops\"}");

        assertProblem(refused, 403, "/problems/forbidden");
        project(OPS, infra, "ops");
        assertThat(recordedAbout(infra)).extracting(Recorded::type, Recorded::actor)
                .containsExactly(tuple("ProjectCreated", "olivia"));
    }

    @Test
    void aTakenAbbreviationIsAConflictButAnotherOrganizationMayUseIt() {
        project(OPS, infra, "ops");

        Answer taken = http.as(ADMIN).post("/projects",
                "{\"name\":\"Other\",\"abbreviation\":\"" + infra + "\",\"ownerTeam\":\"ecommerce\"}");
        Answer elsewhere = http.as(GLOBEX).post("/projects",
                "{\"name\":\"Globex Infra\",\"abbreviation\":\"" + infra + "\",\"ownerTeam\":\"ops\"}");

        assertProblem(taken, 409, "/problems/already-exists");
        assertThat(elsewhere.status()).isEqualTo(201);
        assertThat(recordedAbout(infra)).extracting(Recorded::type).containsExactly("ProjectCreated");
    }

    // POST /projects/{project}/environments

    @Test
    void anEnvironmentIsCreatedWithItsLabels() {
        project(OPS, infra, "ops");

        Answer created = http.as(OPS).post("/projects/" + infra + "/environments",
                "{\"name\":\"Staging\",\"abbreviation\":\"staging\","
                        + "\"labels\":{\"tier\":\"staging\",\"region\":\"eu\"}}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("id")).isEqualTo(infraStaging);
        List<Recorded> recorded = recordedAbout(infra);
        assertThat(recorded).extracting(Recorded::type).containsExactly("ProjectCreated", "EnvironmentCreated");
        assertThat(named(created)).isEqualTo(named(recorded.subList(1, 2)));
        Recorded environment = recorded.get(1);
        assertThat(environment.subject()).isEqualTo("environments/" + infraStaging);
        assertThat(environment.data().path("labels"))
                .isEqualTo(JSON.createObjectNode().put("tier", "staging").put("region", "eu"));
        assertThat(environment.data().path("forkOf").isNull()).isTrue();
    }

    @Test
    void aPreviewForkedFromAnEnvironmentCopiesItsDefaultsAndReferencesEachAsAnEventOfItsOwn() {
        String vpc = vpcSharedWithShop();
        String cluster = clusterSharedWithShop();
        addPackage(ECOMM, shop, "cluster", "kubernetes-cluster");
        assertThat(setDefault(ECOMM, shopStaging, "aws-vpc", vpc).status()).isEqualTo(200);
        assertThat(setReference(ECOMM, shopStaging, "cluster", cluster).status()).isEqualTo(200);

        Answer preview = http.as(ECOMM).post("/projects/" + shop + "/environments",
                "{\"name\":\"PR 42\",\"abbreviation\":\"pr42\",\"labels\":{\"tier\":\"preview\"},"
                        + "\"forkOf\":\"" + shopStaging + "\"}");

        assertThat(preview.status()).isEqualTo(201);
        assertThat(preview.text("id")).isEqualTo(shop + "-pr42");
        List<Recorded> recorded = recordedAbout(shop).stream()
                .filter(event -> event.subject().equals("environments/" + shop + "-pr42")).toList();
        assertThat(recorded).extracting(Recorded::type)
                .containsExactly("EnvironmentCreated", "EnvironmentDefaultSet", "RemoteReferenceAdded");
        assertThat(recorded.get(0).data().path("forkOf").asText()).isEqualTo(shopStaging);
        assertThat(recorded.get(1).data().path("type").asText()).isEqualTo("aws-vpc");
        assertThat(recorded.get(1).data().path("resource").asText()).isEqualTo(vpc);
        assertThat(recorded.get(2).data().path("resource").asText()).isEqualTo(cluster);
        assertThat(recorded.get(2).data().path("resourceOwner").asText()).isEqualTo(infra);
    }

    @Test
    void aForkOfAnotherProjectsEnvironmentIsABadRequest() {
        vpcInInfraStaging();
        shopWithStaging();

        Answer refused = http.as(ECOMM).post("/projects/" + shop + "/environments",
                "{\"name\":\"PR 1\",\"abbreviation\":\"pr1\",\"forkOf\":\"" + infraStaging + "\"}");

        assertInvalid(refused, "forkOf");
        assertThat(typesAbout(shop, "environments/" + shop + "-pr1")).isEmpty();
    }

    @Test
    void aForkOfAnEnvironmentThatDoesNotExistIsNotFound() {
        shopWithStaging();

        Answer refused = http.as(ECOMM).post("/projects/" + shop + "/environments",
                "{\"name\":\"PR 1\",\"abbreviation\":\"pr1\",\"forkOf\":\"" + shop + "-nosuch\"}");

        assertProblem(refused, 404, "/problems/not-found");
    }

    @Test
    void aDeletedEnvironmentsIdIsNotUsedAgain() {
        project(OPS, infra, "ops");
        String preview = environment(OPS, infra, "pr1");
        assertThat(delete(OPS, "/environments/" + preview).status()).isEqualTo(200);

        Answer again = http.as(OPS).post("/projects/" + infra + "/environments",
                "{\"name\":\"PR 1 again\",\"abbreviation\":\"pr1\"}");

        assertProblem(again, 409, "/problems/already-exists");
        assertThat(typesAbout(infra, "environments/" + preview))
                .containsExactly("EnvironmentCreated", "EnvironmentDeleted");
    }

    // DELETE /environments/{env}

    @Test
    void tearingDownAnEnvironmentReleasesWhatItConsumedAndDecommissionsWhatItProvisionedInOrder() {
        String vpc = vpcSharedWithShop();
        String cluster = clusterSharedWithShop();
        addPackage(ECOMM, shop, "cluster", "kubernetes-cluster");
        addPackage(ECOMM, shop, "queue", "aws-sqs-queue");
        assertThat(setDefault(ECOMM, shopStaging, "aws-vpc", vpc).status()).isEqualTo(200);
        assertThat(setReference(ECOMM, shopStaging, "cluster", cluster).status()).isEqualTo(200);
        String queue = provision(ECOMM, shopStaging, "queue");

        Answer deleted = delete(ECOMM, "/environments/" + shopStaging);

        assertThat(deleted.status()).isEqualTo(200);
        List<Recorded> recorded = recordedAbout(shop);
        List<Recorded> teardown = recorded.subList(recorded.size() - 4, recorded.size());
        assertThat(teardown).extracting(Recorded::type).containsExactly("EnvironmentDefaultCleared",
                "RemoteReferenceRemoved", "ResourceDecommissioned", "EnvironmentDeleted");
        assertThat(named(deleted)).isEqualTo(named(teardown));
        assertThat(teardown).extracting(event -> event.data().path("resource").asText())
                .containsExactly(vpc, cluster, queue, "");
        assertProblem(delete(ECOMM, "/environments/" + shopStaging), 404, "/problems/not-found");
        assertThat(http.as(OPS).post("/resources/" + vpc + "/decommission", null).status())
                .as("the VPC is no longer consumed").isEqualTo(200);
    }

    @Test
    void tearingDownAnEnvironmentIsRefusedWhileWhatItProvisionedIsConsumedElsewhereAndListsTheConsumers() {
        String vpc = vpcSharedWithShop();
        assertThat(setDefault(ECOMM, shopStaging, "aws-vpc", vpc).status()).isEqualTo(200);

        Answer refused = delete(OPS, "/environments/" + infraStaging);

        assertProblem(refused, 409, "/problems/environment-resources-in-use");
        assertThat(consumers(refused)).containsExactly(consumer(shopStaging, shop, "default", null));
        assertThat(recordedAbout(infra)).extracting(Recorded::type)
                .doesNotContain("EnvironmentDeleted", "ResourceDecommissioned");
    }

    // POST /projects/{project}/packages

    @Test
    void aPackageIsAddedOnceToAProject() {
        project(OPS, infra, "ops");

        Answer added = http.as(OPS).post("/projects/" + infra + "/packages", packageBody("vpc", "aws-vpc"));
        Answer again = http.as(OPS).post("/projects/" + infra + "/packages", packageBody("vpc", "aws-vpc"));

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.text("id")).isEqualTo("vpc");
        assertProblem(again, 409, "/problems/already-exists");
        List<Recorded> packages = recordedAbout(infra).stream()
                .filter(event -> event.type().equals("PackageAdded")).toList();
        assertThat(packages).hasSize(1);
        assertThat(named(added)).isEqualTo(named(packages));
        assertThat(packages.get(0).data().path("bundle").asText()).isEqualTo("aws-vpc");
        assertThat(packages.get(0).data().path("resourceType").asText()).isEqualTo("aws-vpc");
    }

    @Test
    void aPackageWithAMalformedNameBundleOrTypeIsABadRequestNamingTheField() {
        project(OPS, infra, "ops");
        String packages = "/projects/" + infra + "/packages";

        assertInvalid(http.as(OPS).post(packages,
                "{\"name\":\"vpc\",\"bundle\":\"AWS VPC\",\"resourceType\":\"aws-vpc\"}"), "bundle");
        assertInvalid(http.as(OPS).post(packages, "{\"name\":\"vpc\",\"bundle\":\"aws-vpc\",\"resourceType\":\"v\"}"),
                "resourceType");
        assertInvalid(http.as(OPS).post(packages,
                "{\"name\":\"Vpc-1\",\"bundle\":\"aws-vpc\",\"resourceType\":\"aws-vpc\"}"), "name");
        assertThat(recordedAbout(infra)).extracting(Recorded::type).containsExactly("ProjectCreated");
    }

    // POST /environments/{env}/resources

    @Test
    void provisioningAPackageAnswersTheResourceAndRecordsIt() {
        project(OPS, infra, "ops");
        environment(OPS, infra, "staging");
        addPackage(OPS, infra, "vpc", "aws-vpc");

        Answer provisioned = http.as(OPS).post("/environments/" + infraStaging + "/resources",
                "{\"package\":\"vpc\",\"name\":\"US VPC\",\"attributes\":{\"region\":\"us-east-1\",\"azs\":3}}");

        assertThat(provisioned.status()).isEqualTo(201);
        JsonNode resource = provisioned.body();
        String id = resource.path("id").asText();
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(resource.path("type").asText()).isEqualTo("aws-vpc");
        assertThat(resource.path("name").asText()).isEqualTo("US VPC");
        assertThat(resource.path("attributes"))
                .isEqualTo(JSON.createObjectNode().put("region", "us-east-1").put("azs", 3));
        assertThat(resource.path("status").asText()).isEqualTo("active");
        assertThat(resource.path("origin").asText()).isEqualTo("provisioned");
        assertThat(resource.path("owner")).isEqualTo(JSON.createObjectNode()
                .put("project", infra).put("environment", infraStaging).put("package", "vpc"));
        List<Recorded> recorded = recordedAbout(infra);
        Recorded event = recorded.get(recorded.size() - 1);
        assertThat(event.type()).isEqualTo("ResourceProvisioned");
        assertThat(event.subject()).isEqualTo("resources/" + id);
        assertThat(event.data().path("environment").asText()).isEqualTo(infraStaging);
    }

    @Test
    void aPackageIsProvisionedOnceInAnEnvironmentAndOnceInEachOther() {
        String vpc = vpcInInfraStaging();
        environment(OPS, infra, "prod");

        Answer again = http.as(OPS).post("/environments/" + infraStaging + "/resources",
                "{\"package\":\"vpc\",\"name\":\"Second VPC\"}");
        String prodVpc = provision(OPS, infra + "-prod", "vpc");

        assertProblem(again, 409, "/problems/package-already-provisioned");
        assertThat(recordedAbout(infra)).filteredOn(event -> event.type().equals("ResourceProvisioned"))
                .extracting(Recorded::subject).containsExactly("resources/" + vpc, "resources/" + prodVpc);
    }

    @Test
    void aPackageThatIsARemoteReferenceInAnEnvironmentIsNotProvisionedThere() {
        String vpc = vpcSharedWithShop();
        addPackage(ECOMM, shop, "net", "aws-vpc");
        assertThat(setReference(ECOMM, shopStaging, "net", vpc).status()).isEqualTo(200);

        Answer refused = http.as(ECOMM).post("/environments/" + shopStaging + "/resources",
                "{\"package\":\"net\",\"name\":\"Own VPC\"}");

        assertProblem(refused, 409, "/problems/package-is-remote-reference");
        assertThat(recordedAbout(shop)).extracting(Recorded::type).doesNotContain("ResourceProvisioned");
    }

    // POST /projects/{project}/resources

    @Test
    void anImportedResourceBelongsToTheProjectWithoutEnvironmentOrPackage() {
        project(ECOMM, shop, "ecommerce");

        Answer imported = http.as(ECOMM).post("/projects/" + shop + "/resources",
                "{\"type\":\"postgresql\",\"name\":\"legacy db\","
                        + "\"attributes\":{\"host\":\"db.internal\",\"port\":5432}}");

        assertThat(imported.status()).isEqualTo(201);
        JsonNode resource = imported.body();
        assertThat(resource.path("type").asText()).isEqualTo("postgresql");
        assertThat(resource.path("name").asText()).isEqualTo("legacy db");
        assertThat(resource.path("attributes"))
                .isEqualTo(JSON.createObjectNode().put("host", "db.internal").put("port", 5432));
        assertThat(resource.path("status").asText()).isEqualTo("active");
        assertThat(resource.path("origin").asText()).isEqualTo("imported");
        assertThat(resource.path("owner")).isEqualTo(JSON.createObjectNode()
                .put("project", shop).putNull("environment").putNull("package"));
        List<Recorded> recorded = recordedAbout(shop);
        assertThat(recorded).extracting(Recorded::type).containsExactly("ProjectCreated", "ResourceImported");
        assertThat(recorded.get(1).subject()).isEqualTo("resources/" + resource.path("id").asText());
    }

    @Test
    void theImportingProjectsEnvironmentsTakeAnImportedResourceAsDefaultWithoutAShare() {
        shopWithStaging();
        String role = importInto(ECOMM, shop, "aws-iam-role");

        Answer set = setDefault(ECOMM, shopStaging, "aws-iam-role", role);

        assertThat(set.status()).isEqualTo(200);
        List<Recorded> recorded = recordedAbout(shop);
        Recorded event = recorded.get(recorded.size() - 1);
        assertThat(event.type()).isEqualTo("EnvironmentDefaultSet");
        assertThat(event.data().path("resource").asText()).isEqualTo(role);
        assertThat(event.data().path("resourceOwner").asText()).isEqualTo(shop);
    }

    // PATCH /resources/{id}

    @Test
    void reconfiguringMergesTheAttributesANullRemovesOneAndRepeatingItRecordsNothing() {
        project(OPS, infra, "ops");
        environment(OPS, infra, "staging");
        addPackage(OPS, infra, "vpc", "aws-vpc");
        String vpc = http.as(OPS).post("/environments/" + infraStaging + "/resources",
                "{\"package\":\"vpc\",\"name\":\"US VPC\",\"attributes\":"
                        + "{\"region\":\"us-east-1\",\"cidr\":\"10.0.0.0/16\",\"tier\":\"gold\"}}").text("id");
        String change = "{\"attributes\":{\"cidr\":\"10.1.0.0/16\",\"tier\":null,\"owner\":\"netops\"}}";

        Answer reconfigured = patch(OPS, vpc, change);
        Answer repeated = patch(OPS, vpc, change);

        assertThat(reconfigured.status()).isEqualTo(200);
        assertThat(reconfigured.text("id")).isEqualTo(vpc);
        assertThat(reconfigured.text("status")).isEqualTo("active");
        assertThat(reconfigured.body().path("attributes")).isEqualTo(JSON.createObjectNode()
                .put("region", "us-east-1").put("cidr", "10.1.0.0/16").put("owner", "netops"));
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(withoutEvents(repeated)).isEqualTo(withoutEvents(reconfigured));
        assertThat(named(repeated)).isEmpty();
        List<Recorded> reconfigurations = recordedAbout(infra).stream()
                .filter(event -> event.type().equals("ResourceReconfigured")).toList();
        assertThat(reconfigurations).hasSize(1);
        assertThat(named(reconfigured)).isEqualTo(named(reconfigurations));
        assertThat(reconfigurations.get(0).subject()).isEqualTo("resources/" + vpc);
        assertThat(reconfigurations.get(0).data().path("removed").get(0).asText()).isEqualTo("tier");
    }

    @Test
    void aConsumerMayNotReconfigureASharedResource() {
        String vpc = vpcSharedWithShop();

        Answer refused = patch(ECOMM, vpc, "{\"attributes\":{\"cidr\":\"10.9.0.0/16\"}}");

        assertProblem(refused, 403, "/problems/forbidden");
        assertThat(recordedAbout(infra)).extracting(Recorded::type).doesNotContain("ResourceReconfigured");
    }

    @Test
    void aDecommissionedResourceIsNotReconfigured() {
        String vpc = vpcInInfraStaging();
        assertThat(http.as(OPS).post("/resources/" + vpc + "/decommission", null).status()).isEqualTo(200);

        Answer refused = patch(OPS, vpc, "{\"attributes\":{\"cidr\":\"10.9.0.0/16\"}}");

        assertProblem(refused, 409, "/problems/resource-decommissioned");
        assertThat(recordedAbout(infra)).extracting(Recorded::type).doesNotContain("ResourceReconfigured");
    }

    // POST /resources/{id}/decommission

    @Test
    void decommissioningAnUnusedResourceIsRecordedOnceAndRepeatingItRecordsNothing() {
        String vpc = vpcInInfraStaging();

        Answer decommissioned = http.as(OPS).post("/resources/" + vpc + "/decommission", null);
        Answer repeated = http.as(OPS).post("/resources/" + vpc + "/decommission", null);

        assertThat(decommissioned.status()).isEqualTo(200);
        assertThat(decommissioned.text("id")).isEqualTo(vpc);
        assertThat(decommissioned.text("status")).isEqualTo("decommissioned");
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.text("status")).isEqualTo("decommissioned");
        assertThat(typesAbout(infra, "resources/" + vpc))
                .containsExactly("ResourceProvisioned", "ResourceDecommissioned");
    }

    @Test
    void aDecommissionedResourceCanNoLongerBeTakenAsADefault() {
        String vpc = vpcSharedWithShop();
        assertThat(http.as(OPS).post("/resources/" + vpc + "/decommission", null).status()).isEqualTo(200);

        Answer refused = setDefault(ECOMM, shopStaging, "aws-vpc", vpc);

        assertProblem(refused, 409, "/problems/resource-decommissioned");
        assertThat(recordedAbout(shop)).extracting(Recorded::type).doesNotContain("EnvironmentDefaultSet");
    }

    @Test
    void decommissioningIsRefusedWhileTheResourceIsConsumedAndListsEveryConsumer() {
        String vpc = vpcSharedWithShop();
        String shopProd = environment(ECOMM, shop, "prod");
        addPackage(ECOMM, shop, "net", "aws-vpc");
        assertThat(setDefault(ECOMM, shopStaging, "aws-vpc", vpc).status()).isEqualTo(200);
        assertThat(setReference(ECOMM, shopProd, "net", vpc).status()).isEqualTo(200);

        Answer refused = http.as(OPS).post("/resources/" + vpc + "/decommission", null);

        assertProblem(refused, 409, "/problems/resource-in-use");
        assertThat(consumers(refused)).containsExactlyInAnyOrder(
                consumer(shopProd, shop, "remote-reference", "net"),
                consumer(shopStaging, shop, "default", null));
        assertThat(typesAbout(infra, "resources/" + vpc)).doesNotContain("ResourceDecommissioned");
    }

    // PUT /resources/{id}/shares/{project}

    @Test
    void sharingIsRecordedOnceAndRepeatingItRecordsNothing() {
        String vpc = vpcInInfraStaging();
        shopWithStaging();

        Answer shared = http.as(OPS).put("/resources/" + vpc + "/shares/" + shop, null);
        Answer repeated = http.as(OPS).put("/resources/" + vpc + "/shares/" + shop, null);

        assertThat(shared.status()).isEqualTo(200);
        assertThat(repeated.status()).isEqualTo(200);
        List<Recorded> shares = recordedAbout(infra).stream()
                .filter(event -> event.type().equals("ResourceShared")).toList();
        assertThat(shares).hasSize(1);
        assertThat(shares.get(0).subject()).isEqualTo("resources/" + vpc);
        assertThat(shares.get(0).data().path("sharedWith").asText()).isEqualTo(shop);
    }

    @Test
    void sharingWithTheOwningProjectIsAConflict() {
        String vpc = vpcInInfraStaging();

        Answer refused = http.as(OPS).put("/resources/" + vpc + "/shares/" + infra, null);

        assertProblem(refused, 409, "/problems/share-with-owner");
        assertThat(recordedAbout(infra)).extracting(Recorded::type).doesNotContain("ResourceShared");
    }

    @Test
    void sharingWithAProjectThatDoesNotExistIsNotFound() {
        String vpc = vpcInInfraStaging();

        Answer refused = http.as(OPS).put("/resources/" + vpc + "/shares/" + shop, null);

        assertProblem(refused, 404, "/problems/not-found");
        assertThat(recordedAbout(infra)).extracting(Recorded::type).doesNotContain("ResourceShared");
    }

    @Test
    void aConsumerMayNotShareAResourceOnwards() {
        String vpc = vpcSharedWithShop();
        String blog = project(ECOMM, "ct" + run + "blog", "ecommerce");

        Answer refused = http.as(ECOMM).put("/resources/" + vpc + "/shares/" + blog, null);

        assertProblem(refused, 403, "/problems/forbidden");
        assertThat(recordedAbout(infra)).filteredOn(event -> event.type().equals("ResourceShared"))
                .extracting(event -> event.data().path("sharedWith").asText()).containsExactly(shop);
    }

    // DELETE /resources/{id}/shares/{project}

    @Test
    void revokingAnUnusedShareIsRecordedAndTheProjectMayNoLongerTakeTheResource() {
        String vpc = vpcSharedWithShop();

        Answer revoked = delete(OPS, "/resources/" + vpc + "/shares/" + shop);

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(named(revoked)).extracting(event -> event.get(1)).containsExactly("ResourceShareRevoked");
        assertProblem(setDefault(ECOMM, shopStaging, "aws-vpc", vpc), 409, "/problems/not-shared");
        assertThat(typesAbout(infra, "resources/" + vpc))
                .containsExactly("ResourceProvisioned", "ResourceShared", "ResourceShareRevoked");
    }

    @Test
    void revokingAShareThatDoesNotExistIsNotFoundEvenForAnotherTeam() {
        String vpc = vpcInInfraStaging();
        shopWithStaging();

        Answer byOwner = delete(OPS, "/resources/" + vpc + "/shares/" + shop);
        Answer byConsumer = delete(ECOMM, "/resources/" + vpc + "/shares/" + shop);
        share(vpc, shop);
        Answer byConsumerOnceShared = delete(ECOMM, "/resources/" + vpc + "/shares/" + shop);

        assertProblem(byOwner, 404, "/problems/not-found");
        assertProblem(byConsumer, 404, "/problems/not-found");
        assertProblem(byConsumerOnceShared, 403, "/problems/forbidden");
        assertThat(recordedAbout(infra)).extracting(Recorded::type).doesNotContain("ResourceShareRevoked");
    }

    @Test
    void revokeIsRefusedWhileAnEnvironmentUsesTheShareAndListsIt() {
        String vpc = vpcSharedWithShop();
        String shopProd = environment(ECOMM, shop, "prod");
        addPackage(ECOMM, shop, "net", "aws-vpc");
        assertThat(setDefault(ECOMM, shopStaging, "aws-vpc", vpc).status()).isEqualTo(200);
        assertThat(setReference(ECOMM, shopProd, "net", vpc).status()).isEqualTo(200);
        String blog = project(ECOMM, "ct" + run + "blog", "ecommerce");
        share(vpc, blog);
        assertThat(setDefault(ECOMM, environment(ECOMM, blog, "staging"), "aws-vpc", vpc).status()).isEqualTo(200);

        Answer refused = delete(OPS, "/resources/" + vpc + "/shares/" + shop);

        assertProblem(refused, 409, "/problems/share-in-use");
        assertThat(consumers(refused)).as("the consumers through this share, not the blog's").containsExactlyInAnyOrder(
                consumer(shopProd, shop, "remote-reference", "net"),
                consumer(shopStaging, shop, "default", null));
        assertThat(recordedAbout(infra)).extracting(Recorded::type).doesNotContain("ResourceShareRevoked");
    }

    // PUT and DELETE /environments/{env}/defaults/{type}

    @Test
    void anEnvironmentTakesASharedResourceAsItsDefaultOnceAndReleasesIt() {
        String vpc = vpcSharedWithShop();

        Answer set = setDefault(ECOMM, shopStaging, "aws-vpc", vpc);
        Answer repeated = setDefault(ECOMM, shopStaging, "aws-vpc", vpc);
        Answer cleared = delete(ECOMM, "/environments/" + shopStaging + "/defaults/aws-vpc");

        assertThat(set.status()).isEqualTo(200);
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(named(repeated)).isEmpty();
        assertThat(typesAbout(shop, "environments/" + shopStaging))
                .containsExactly("EnvironmentCreated", "EnvironmentDefaultSet", "EnvironmentDefaultCleared");
    }

    @Test
    void aNewDefaultReplacesTheOldOneAndNamesIt() {
        String stagingVpc = vpcSharedWithShop();
        environment(OPS, infra, "prod");
        String prodVpc = provision(OPS, infra + "-prod", "vpc");
        share(prodVpc, shop);
        assertThat(setDefault(ECOMM, shopStaging, "aws-vpc", stagingVpc).status()).isEqualTo(200);

        Answer replaced = setDefault(ECOMM, shopStaging, "aws-vpc", prodVpc);

        assertThat(replaced.status()).isEqualTo(200);
        List<Recorded> defaults = recordedAbout(shop).stream()
                .filter(event -> event.type().equals("EnvironmentDefaultSet")).toList();
        assertThat(defaults).hasSize(2);
        assertThat(defaults.get(1).data().path("resource").asText()).isEqualTo(prodVpc);
        assertThat(defaults.get(1).data().path("replaced").asText()).isEqualTo(stagingVpc);
    }

    @Test
    void aDefaultOfAResourceNotSharedWithTheProjectIsRefused() {
        String vpc = vpcInInfraStaging();
        shopWithStaging();

        Answer refused = setDefault(ECOMM, shopStaging, "aws-vpc", vpc);

        assertProblem(refused, 409, "/problems/not-shared");
        assertThat(recordedAbout(shop)).extracting(Recorded::type).doesNotContain("EnvironmentDefaultSet");
    }

    @Test
    void aDefaultForAnotherTypeThanTheResourcesIsRefused() {
        String vpc = vpcSharedWithShop();

        Answer refused = setDefault(ECOMM, shopStaging, "kubernetes-cluster", vpc);

        assertProblem(refused, 409, "/problems/type-mismatch");
        assertThat(recordedAbout(shop)).extracting(Recorded::type).doesNotContain("EnvironmentDefaultSet");
    }

    @Test
    void aTypeThatIsNotDefaultableCannotBeADefault() {
        shopWithStaging();
        String database = importInto(ECOMM, shop, "postgresql");

        Answer refused = setDefault(ECOMM, shopStaging, "postgresql", database);

        assertProblem(refused, 409, "/problems/type-not-defaultable");
        assertThat(recordedAbout(shop)).extracting(Recorded::type).doesNotContain("EnvironmentDefaultSet");
    }

    @Test
    void aResourceProvisionedByAnotherEnvironmentOfTheSameProjectIsNotADefault() {
        String vpc = vpcInInfraStaging();
        String infraProd = environment(OPS, infra, "prod");

        Answer refused = setDefault(OPS, infraProd, "aws-vpc", vpc);

        assertProblem(refused, 409, "/problems/same-project-resource");
        assertThat(recordedAbout(infra)).extracting(Recorded::type).doesNotContain("EnvironmentDefaultSet");
    }

    @Test
    void clearingADefaultThatIsNotSetIsNotFound() {
        shopWithStaging();

        Answer refused = delete(ECOMM, "/environments/" + shopStaging + "/defaults/aws-vpc");

        assertProblem(refused, 404, "/problems/not-found");
        assertThat(recordedAbout(shop)).extracting(Recorded::type).doesNotContain("EnvironmentDefaultCleared");
    }

    @Test
    void anotherTeamMayNotChangeAnEnvironmentsDefaults() {
        String vpc = vpcSharedWithShop();

        Answer setByOwnerOfTheResource = setDefault(OPS, shopStaging, "aws-vpc", vpc);
        assertThat(setDefault(ECOMM, shopStaging, "aws-vpc", vpc).status()).isEqualTo(200);
        Answer clearedByOwnerOfTheResource = delete(OPS, "/environments/" + shopStaging + "/defaults/aws-vpc");

        assertProblem(setByOwnerOfTheResource, 403, "/problems/forbidden");
        assertProblem(clearedByOwnerOfTheResource, 403, "/problems/forbidden");
        assertThat(recordedAbout(shop)).filteredOn(event -> event.type().startsWith("EnvironmentDefault"))
                .extracting(Recorded::type, Recorded::actor)
                .containsExactly(tuple("EnvironmentDefaultSet", "eric"));
    }

    // PUT and DELETE /environments/{env}/remote-references/{package}

    @Test
    void aRemoteReferenceIsSetReplacedAndRemoved() {
        vpcInInfraStaging();
        shopWithStaging();
        String stagingCluster = clusterSharedWithShop();
        environment(OPS, infra, "prod");
        String prodCluster = provision(OPS, infra + "-prod", "k8s");
        share(prodCluster, shop);
        addPackage(ECOMM, shop, "cluster", "kubernetes-cluster");
        String references = "/environments/" + shopStaging + "/remote-references/cluster";

        Answer set = setReference(ECOMM, shopStaging, "cluster", stagingCluster);
        Answer replaced = setReference(ECOMM, shopStaging, "cluster", prodCluster);
        Answer removed = delete(ECOMM, references);
        Answer removedAgain = delete(ECOMM, references);

        assertThat(set.status()).isEqualTo(200);
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(removed.status()).isEqualTo(200);
        assertProblem(removedAgain, 404, "/problems/not-found");
        List<Recorded> recorded = recordedAbout(shop).stream()
                .filter(event -> event.type().startsWith("RemoteReference")).toList();
        assertThat(recorded).extracting(Recorded::type)
                .containsExactly("RemoteReferenceAdded", "RemoteReferenceAdded", "RemoteReferenceRemoved");
        assertThat(recorded).extracting(event -> event.data().path("resource").asText())
                .containsExactly(stagingCluster, prodCluster, prodCluster);
        assertThat(recorded.get(1).data().path("replaced").asText()).isEqualTo(stagingCluster);
    }

    @Test
    void aRemoteReferenceTakesAResourceOfItsPackagesType() {
        vpcSharedWithShop();
        String cluster = clusterSharedWithShop();
        addPackage(ECOMM, shop, "net", "aws-vpc");

        Answer refused = setReference(ECOMM, shopStaging, "net", cluster);

        assertProblem(refused, 409, "/problems/type-mismatch");
        assertThat(recordedAbout(shop)).extracting(Recorded::type).doesNotContain("RemoteReferenceAdded");
    }

    @Test
    void aPackageProvisionedInAnEnvironmentCannotAlsoBeARemoteReferenceThere() {
        String vpc = vpcSharedWithShop();
        addPackage(ECOMM, shop, "net", "aws-vpc");
        provision(ECOMM, shopStaging, "net");

        Answer refused = setReference(ECOMM, shopStaging, "net", vpc);

        assertProblem(refused, 409, "/problems/package-already-provisioned");
        assertThat(recordedAbout(shop)).extracting(Recorded::type).doesNotContain("RemoteReferenceAdded");
    }

    // PUT /resource-types/{type}

    @Test
    void anAdminMakesSparkClustersDefaultableAndASparkDefaultIsThenAccepted() {
        vpcInInfraStaging();
        shopWithStaging();
        addPackage(OPS, infra, "spark", "spark-cluster");
        String spark = provision(OPS, infraStaging, "spark");
        share(spark, shop);
        assertProblem(setDefault(ECOMM, shopStaging, "spark-cluster", spark), 409, "/problems/type-not-defaultable");
        try {
            Answer configured = http.as(ADMIN).put("/resource-types/spark-cluster", "{\"defaultable\":true}");

            assertThat(configured.status()).isEqualTo(200);
            assertThat(setDefault(ECOMM, shopStaging, "spark-cluster", spark).status()).isEqualTo(200);
            assertThat(recordedAbout(shop)).extracting(Recorded::type).contains("EnvironmentDefaultSet");
            assertThat(published()).filteredOn(event -> event.subject().equals("resource-types/spark-cluster"))
                    .last().satisfies(event -> {
                        assertThat(event.type()).isEqualTo("ResourceTypeConfigured");
                        assertThat(event.data().path("defaultable").asBoolean()).isTrue();
                        assertThat(event.actor()).isEqualTo("ada");
                    });
        } finally {
            assertThat(http.as(ADMIN).put("/resource-types/spark-cluster", "{\"defaultable\":false}").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void anAdminMakesABuiltInTypeNotDefaultableAndDefaultsOfItAreThenRefused() {
        project(OPS, infra, "ops");
        environment(OPS, infra, "staging");
        addPackage(OPS, infra, "vnet", "azure-virtual-network");
        String vnet = provision(OPS, infraStaging, "vnet");
        shopWithStaging();
        share(vnet, shop);
        Answer refused;
        try {
            assertThat(http.as(ADMIN).put("/resource-types/azure-virtual-network", "{\"defaultable\":false}").status())
                    .isEqualTo(200);

            refused = setDefault(ECOMM, shopStaging, "azure-virtual-network", vnet);
        } finally {
            assertThat(http.as(ADMIN).put("/resource-types/azure-virtual-network", "{\"defaultable\":true}").status())
                    .isEqualTo(200);
        }

        assertProblem(refused, 409, "/problems/type-not-defaultable");
        assertThat(setDefault(ECOMM, shopStaging, "azure-virtual-network", vnet).status())
                .as("defaultable again").isEqualTo(200);
    }

    @Test
    void onlyAnAdminConfiguresResourceTypesAndRepeatingItRecordsNothing() {
        project(OPS, infra, "ops");
        String type = "message-queue-ct" + run;
        String path = "/resource-types/" + type;

        Answer byTeamMember = http.as(OPS).put(path, "{\"defaultable\":true}");
        Answer byAuditor = http.as(AUDITOR).put(path, "{\"defaultable\":true}");
        Answer byAdmin = http.as(ADMIN).put(path, "{\"defaultable\":true}");
        Answer repeated = http.as(ADMIN).put(path, "{\"defaultable\":true}");

        assertProblem(byTeamMember, 403, "/problems/forbidden");
        assertProblem(byAuditor, 403, "/problems/forbidden");
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(byAdmin.body().path("defaultable").asBoolean()).isTrue();
        assertThat(repeated.status()).isEqualTo(200);
        recordedAbout(infra);
        assertThat(published()).filteredOn(event -> event.subject().equals("resource-types/" + type))
                .extracting(Recorded::type, Recorded::actor)
                .containsExactly(tuple("ResourceTypeConfigured", "ada"));
    }

    // who may write, and whose ids exist

    @Test
    void auditorsWriteNothing() {
        String vpc = vpcSharedWithShop();
        addPackage(ECOMM, shop, "net", "aws-vpc");
        assertThat(setDefault(ECOMM, shopStaging, "aws-vpc", vpc).status()).isEqualTo(200);
        assertThat(setReference(ECOMM, shopStaging, "net", vpc).status()).isEqualTo(200);
        String resource = "/resources/" + vpc;

        List<Answer> answers = List.of(
                http.as(AUDITOR).post("/projects",
                        "{\"name\":\"Audit\",\"abbreviation\":\"ct" + run + "audit\",\"ownerTeam\":\"ops\"}"),
                http.as(AUDITOR).post("/projects/" + infra + "/environments", NEW_PROD),
                http.as(AUDITOR).post("/projects/" + infra + "/packages", packageBody("db", "postgresql")),
                http.as(AUDITOR).post("/environments/" + infraStaging + "/resources", ANOTHER_VPC),
                http.as(AUDITOR).post("/projects/" + infra + "/resources", "{\"type\":\"postgresql\",\"name\":\"db\"}"),
                patch(AUDITOR, vpc, "{\"attributes\":{\"audited\":true}}"),
                http.as(AUDITOR).post(resource + "/decommission", null),
                http.as(AUDITOR).put(resource + "/shares/" + shop, null),
                delete(AUDITOR, resource + "/shares/" + shop),
                setDefault(AUDITOR, shopStaging, "aws-vpc", vpc),
                delete(AUDITOR, "/environments/" + shopStaging + "/defaults/aws-vpc"),
                setReference(AUDITOR, shopStaging, "net", vpc),
                delete(AUDITOR, "/environments/" + shopStaging + "/remote-references/net"),
                delete(AUDITOR, "/environments/" + shopStaging),
                http.as(AUDITOR).put("/resource-types/aws-vpc", "{\"defaultable\":false}"));

        assertThat(answers).allSatisfy(answer -> assertProblem(answer, 403, "/problems/forbidden"));
        recordedAbout(infra);
        recordedAbout(shop);
        assertThat(published()).extracting(Recorded::actor).doesNotContain("aud");
    }

    @Test
    void anotherOrganizationsProjectsEnvironmentsAndResourcesAreNotFound() {
        String vpc = vpcSharedWithShop();
        String globex = project(GLOBEX, "ct" + run + "globex", "ops");
        String globexStaging = environment(GLOBEX, globex, "staging");
        String resource = "/resources/" + vpc;

        List<Answer> answers = List.of(
                http.as(GLOBEX).post("/projects/" + infra + "/environments", NEW_PROD),
                http.as(GLOBEX).post("/projects/" + infra + "/packages", packageBody("db", "postgresql")),
                http.as(GLOBEX).post("/projects/" + infra + "/resources", "{\"type\":\"postgresql\",\"name\":\"db\"}"),
                http.as(GLOBEX).post("/environments/" + infraStaging + "/resources", ANOTHER_VPC),
                delete(GLOBEX, "/environments/" + infraStaging),
                setDefault(GLOBEX, shopStaging, "aws-vpc", vpc),
                patch(GLOBEX, vpc, "{\"attributes\":{\"mine\":true}}"),
                http.as(GLOBEX).post(resource + "/decommission", null),
                http.as(GLOBEX).put(resource + "/shares/" + shop, null),
                delete(GLOBEX, resource + "/shares/" + shop),
                setDefault(GLOBEX, globexStaging, "aws-vpc", vpc),
                http.as(OPS).put(resource + "/shares/" + globex, null));

        assertThat(answers).allSatisfy(answer -> assertProblem(answer, 404, "/problems/not-found"));
        recordedAbout(infra);
        assertThat(published()).filteredOn(event -> event.actor().equals("gus"))
                .extracting(Recorded::organization).containsOnly("globex");
    }

    @Test
    void requestsWithoutAValidTokenAreUnauthenticatedBeforeAnythingElseIsChecked() {
        String vpc = vpcSharedWithShop();

        List<Answer> answers = new ArrayList<>();
        for (String token : new String[] {null, "not-a-token"}) {
            answers.add(http.as(token).post("/projects", "{\"name\":"));
            answers.add(http.as(token).post("/projects/" + infra + "/environments", NEW_PROD));
            answers.add(delete(token, "/environments/" + infraStaging));
            answers.add(http.as(token).post("/resources/not-a-uuid/decommission", null));
            answers.add(http.as(token).put("/resources/" + vpc + "/shares/" + shop, null));
            answers.add(setDefault(token, shopStaging, "aws-vpc", vpc));
            answers.add(http.as(token).put("/resource-types/aws-vpc", "{\"defaultable\":false}"));
        }

        assertThat(answers).allSatisfy(answer -> assertProblem(answer, 401, "/problems/unauthenticated"));
        assertThat(recordedAbout(shop)).extracting(Recorded::type).doesNotContain("EnvironmentDefaultSet");
    }

    // invalid input

    @Test
    void idsOfTheWrongShapeAreBadRequests() {
        String vpc = vpcSharedWithShop();

        assertInvalid(http.as(OPS).post("/resources/not-a-uuid/decommission", null), "resource");
        assertInvalid(patch(OPS, "12345", "{\"attributes\":{}}"), "resource");
        assertInvalid(http.as(OPS).put("/resources/" + vpc + "/shares/Not-A-Project", null), "project");
        assertInvalid(http.as(OPS).post("/projects/Shared_Infra/packages", packageBody("vpc", "aws-vpc")), "project");
        assertInvalid(http.as(OPS).post("/environments/staging/resources", ANOTHER_VPC),
                "environment");
        assertInvalid(delete(OPS, "/environments/" + infra + "-Staging"), "environment");
        assertInvalid(setDefault(ECOMM, shopStaging, "AWS_VPC", vpc), "type");
        assertInvalid(setDefault(ECOMM, shopStaging, "aws-vpc", "not-a-uuid"), "resource");
        assertInvalid(setReference(ECOMM, shopStaging, "Net-1", vpc), "package");
        assertInvalid(http.as(ADMIN).put("/resource-types/X", "{\"defaultable\":true}"), "type");
        assertThat(recordedAbout(shop)).extracting(Recorded::type).doesNotContain("EnvironmentDefaultSet");
    }

    @Test
    void invalidBodiesAreBadRequestsNamingTheFieldAndRecordNothing() {
        String vpc = vpcInInfraStaging();
        environment(OPS, infra, "prod");
        String environments = "/projects/" + infra + "/environments";
        String resources = "/environments/" + infra + "-prod/resources";
        String fiftyOne = IntStream.range(0, 51).mapToObj(i -> "\"a" + i + "\":\"v\"")
                .collect(Collectors.joining(",", "{", "}"));

        assertInvalid(http.as(OPS).post(environments, "{\"name\":\"Dev\",\"abbreviation\":\"dev\",\"tier\":\"dev\"}"),
                "tier");
        assertInvalid(http.as(OPS).post(environments, "{\"name\":\"Dev\",\"abbreviation\":\"dev\",\"labels\":\"dev\"}"),
                "labels");
        assertInvalid(http.as(OPS).post(environments, "{\"name\":\"Dev\",\"abbreviation\":\"Dev Env\"}"), "abbreviation");
        assertInvalid(http.as(OPS).post(environments, "{\"name\":\"" + "n".repeat(201) + "\",\"abbreviation\":\"dev\"}"),
                "name");
        assertInvalid(http.as(OPS).post(resources, "{\"package\":\"vpc\",\"name\":\"" + "n".repeat(201) + "\"}"), "name");
        assertInvalid(http.as(OPS).post(resources, "{\"package\":\"vpc\",\"name\":\"x\",\"attributes\":\"many\"}"),
                "attributes");
        assertInvalid(http.as(OPS).post(resources, "{\"package\":\"vpc\",\"name\":\"x\",\"attributes\":" + fiftyOne + "}"),
                "attributes");
        assertInvalid(http.as(OPS).post(resources, "{\"package\":\"vpc\",\"name\":\"x\",\"attributes\":{\"note\":\""
                + "v".repeat(1001) + "\"}}"), "attributes");
        assertInvalid(http.as(OPS).post(resources, "{\"package\":\"vpc\",\"name\":\"x\",\"attributes\":{\"nested\":{}}}"),
                "attributes");
        assertInvalid(http.as(OPS).post(resources, "{\"package\":\"vpc\"}"), "name");
        assertInvalid(http.as(OPS).post("/projects/" + infra + "/resources", "{\"name\":\"db\"}"), "type");
        assertInvalid(patch(OPS, vpc, "{\"attributes\":" + fiftyOne + "}"), "attributes");
        assertInvalid(patch(OPS, vpc, "{}"), "attributes");
        assertInvalid(http.as(ADMIN).put("/resource-types/spark-cluster", "{\"defaultable\":\"yes\"}"), "defaultable");
        assertInvalid(http.as(ADMIN).put("/resource-types/spark-cluster", "{}"), "defaultable");
        assertThat(recordedAbout(infra)).extracting(Recorded::type).containsExactly(
                "ProjectCreated", "EnvironmentCreated", "PackageAdded", "ResourceProvisioned", "EnvironmentCreated");
    }

    @Test
    void bodiesAreParsedStrictlyAndRecordNothingWhenTheyAreNot() {
        vpcInInfraStaging();
        String imports = "/projects/" + infra + "/resources";

        assertProblem(http.as(OPS).post(imports, "{\"type\":\"postgresql\",\"name\":\"db\"} garbage"), 400,
                "/problems/invalid-request");
        assertProblem(http.as(OPS).post(imports, "{\"type\":\"postgresql\",\"name\":\"db\",\"name\":\"other\"}"), 400,
                "/problems/invalid-request");
        assertInvalid(http.as(OPS).post(imports, "{\"type\":\"postgresql\",\"name\":\"db\",\"attributes\":{\"n\":1e400}}"),
                "attributes");
        assertInvalid(http.as(OPS).post(imports, "{\"type\":\"postgresql\",\"name\":\"db\",\"attributes\":{\"n\":"
                + "9".repeat(400) + "}}"), "attributes");
        assertThat(recordedAbout(infra)).extracting(Recorded::type).containsExactly(
                "ProjectCreated", "EnvironmentCreated", "PackageAdded", "ResourceProvisioned");
    }

    @Test
    void textTheServiceCannotKeepIsABadRequestNamingTheFieldAndRecordsNothing() {
        String vpc = vpcInInfraStaging();
        String environments = "/projects/" + infra + "/environments";
        String imports = "/projects/" + infra + "/resources";

        // JSON escapes, as a client sends them: NUL, a C1 control, a lone surrogate, a right-to-left override
        assertInvalid(http.as(OPS).post(imports, "{\"type\":\"postgresql\",\"name\":\"x\\u0000y\"}"), "name");
        assertInvalid(http.as(OPS).post(imports, "{\"type\":\"postgresql\",\"name\":\"bad \\ud800 name\"}"), "name");
        assertInvalid(http.as(OPS).post(imports, "{\"type\":\"postgresql\",\"name\":\"invoice\\u202Etxt.exe\"}"),
                "name");
        assertInvalid(http.as(OPS).post(environments,
                "{\"name\":\"Dev\",\"abbreviation\":\"dev\",\"labels\":{\"tier\":\"a\\u0085b\"}}"), "labels.tier");
        assertInvalid(http.as(OPS).post(environments,
                "{\"name\":\"Dev\",\"abbreviation\":\"dev\",\"labels\":{\"ti\\u202Eer\":\"dev\"}}"), "labels");
        assertInvalid(patch(OPS, vpc, "{\"attributes\":{\"note\":\"line\\nbreak\"}}"), "attributes.note");
        assertInvalid(patch(OPS, vpc, "{\"attributes\":{\"note\":\"\\udc00\"}}"), "attributes.note");
        assertThat(recordedAbout(infra)).extracting(Recorded::type).containsExactly(
                "ProjectCreated", "EnvironmentCreated", "PackageAdded", "ResourceProvisioned");

        // what the rule lets through is kept as it was given: other scripts, a pair of surrogates, a bidi value
        Answer kept = http.as(OPS).post(imports,
                "{\"type\":\"postgresql\",\"name\":\"Zürich \\ud83d\\ude80 \\u05e9\\u05dc\\u05d5\\u05dd\","
                        + "\"attributes\":{\"note\":\"a\\u202Eb\"}}");
        assertThat(kept.status()).as("answer %s", kept.body()).isEqualTo(201);
        assertThat(kept.text("name")).isEqualTo("Zürich \ud83d\ude80 \u05e9\u05dc\u05d5\u05dd");
        assertThat(kept.body().path("attributes").path("note").asText()).isEqualTo("a\u202Eb");
    }

    @Test
    void aReconfigurationThatWouldLeaveMoreThanFiftyAttributesIsABadRequestNamingThem() {
        project(OPS, infra, "ops");
        environment(OPS, infra, "staging");
        addPackage(OPS, infra, "vpc", "aws-vpc");
        String fifty = IntStream.range(0, 50).mapToObj(i -> "\"a" + i + "\":\"v\"")
                .collect(Collectors.joining(",", "{", "}"));
        String vpc = http.as(OPS).post("/environments/" + infraStaging + "/resources",
                "{\"package\":\"vpc\",\"name\":\"x\",\"attributes\":" + fifty + "}").text("id");

        Answer refused = patch(OPS, vpc, "{\"attributes\":{\"oneMore\":\"v\"}}");

        assertInvalid(refused, "attributes");
        assertThat(typesAbout(infra, "resources/" + vpc)).containsExactly("ResourceProvisioned");
    }

    @Test
    void aBodyOver64KiBIsTooLarge() {
        vpcInInfraStaging();

        Answer refused = http.as(OPS).post("/projects/" + infra + "/resources",
                "{\"type\":\"postgresql\",\"name\":\"db\","
                        + "\"attributes\":{\"note\":\"" + "x".repeat(65 * 1024) + "\"}}");

        assertProblem(refused, 413, "/problems/payload-too-large");
        assertThat(recordedAbout(infra)).extracting(Recorded::type).doesNotContain("ResourceImported");
    }

    @Test
    void refusalsComeInTheContractsOrder() {
        String vpc = vpcInInfraStaging();
        shopWithStaging();

        Answer invalidForAProjectThatDoesNotExist = http.as(OPS).post("/projects/ct" + run + "nosuch/environments",
                "{\"name\":\"Prod\",\"abbreviation\":\"Prod\"}");
        Answer tooLargeForAnEnvironmentThatDoesNotExist = http.as(OPS).post("/environments/ct" + run
                + "nosuch-staging/resources", "{\"package\":\"vpc\",\"name\":\"" + "x".repeat(65 * 1024) + "\"}");
        Answer forbiddenInAProjectThatDoesNotExist = http.as(ECOMM).post("/projects/ct" + run + "nosuch/packages",
                packageBody("vpc", "aws-vpc"));
        Answer forbiddenForAShareThatDoesNotExist = delete(ECOMM, "/resources/" + vpc + "/shares/" + shop);
        Answer forbiddenAndDuplicate = http.as(ECOMM).post("/projects/" + infra + "/packages",
                packageBody("vpc", "aws-vpc"));
        Answer forbiddenAndTaken = http.as(ECOMM).post("/projects",
                "{\"name\":\"Mine\",\"abbreviation\":\"" + infra + "\",\"ownerTeam\":\"ops\"}");
        Answer forbiddenAndAlreadyProvisioned = http.as(ECOMM).post("/environments/" + infraStaging + "/resources",
                ANOTHER_VPC);

        assertInvalid(invalidForAProjectThatDoesNotExist, "abbreviation");
        assertProblem(tooLargeForAnEnvironmentThatDoesNotExist, 413, "/problems/payload-too-large");
        assertProblem(forbiddenInAProjectThatDoesNotExist, 404, "/problems/not-found");
        assertProblem(forbiddenForAShareThatDoesNotExist, 404, "/problems/not-found");
        assertProblem(forbiddenAndDuplicate, 403, "/problems/forbidden");
        assertProblem(forbiddenAndTaken, 403, "/problems/forbidden");
        assertProblem(forbiddenAndAlreadyProvisioned, 403, "/problems/forbidden");
    }
}

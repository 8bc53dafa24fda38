package io.infrashare.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.PackageAdded;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectCreated;
import io.infrashare.events.ProjectId;
import io.infrashare.events.Provenance;
import io.infrashare.events.ResourceReconfigured;
import io.infrashare.events.ResourceShared;
import io.infrashare.events.ResourceType;
import io.infrashare.query.ingest.IncomingEvent;
import io.infrashare.query.ingest.NotApplied;
import io.infrashare.query.ingest.Projector;
import io.infrashare.testing.WithPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static io.infrashare.query.AcmeStory.ACME;
import static io.infrashare.query.AcmeStory.DEPLOYER_ROLE;
import static io.infrashare.query.AcmeStory.ECOMM;
import static io.infrashare.query.AcmeStory.ECOMM_PR42;
import static io.infrashare.query.AcmeStory.EU_VPC;
import static io.infrashare.query.AcmeStory.SI;
import static io.infrashare.query.AcmeStory.US_VPC;
import static io.infrashare.query.AcmeStory.by;
import static io.infrashare.query.AcmeStory.everyKindOfEvent;
import static io.infrashare.query.AcmeStory.second;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Events fed to the projector, then the audit log asked over HTTP: no Kafka. */
@SpringBootTest(properties = {
        "spring.flyway.clean-disabled=false",
        "spring.kafka.listener.auto-startup=false"})
@WithPostgres
@AutoConfigureMockMvc
class AuditLogTest {

    /** everyKindOfEvent(), 26 events: positions 1 to 26 of acme. */
    static final int STORY = 26;

    @Autowired
    MockMvc http;
    @Autowired
    Projector projector;
    @Autowired
    Flyway flyway;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;

    private int nextId;

    @BeforeEach
    void emptyReadModels() {
        flyway.clean();
        flyway.migrate();
    }

    @Test
    void everyEventIsAnEntryOldestFirstWithWhoWhenWhyAndWhatAbout() throws Exception {
        apply(everyKindOfEvent());

        audit("dev-auditor", "")
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string("X-Projection-Position", Integer.toString(STORY)))
                .andExpect(jsonPath("$.entries", hasSize(STORY)))
                .andExpect(jsonPath("$.entries[*].position", contains(range(1, STORY))))
                .andExpect(jsonPath("$.next").value(nullValue()))
                .andExpect(jsonPath("$.entries[6].eventId").value("event-7"))
                .andExpect(jsonPath("$.entries[6].type").value("ResourceShared"))
                .andExpect(jsonPath("$.entries[6].occurredAt").value("2026-11-23T10:15:36.123456Z"))
                .andExpect(jsonPath("$.entries[6].actor").value("olivia"))
                .andExpect(jsonPath("$.entries[6]", hasKey("reason")))
                .andExpect(jsonPath("$.entries[6].reason").value(nullValue()))
                .andExpect(jsonPath("$.entries[6].correlationId").value("correlation-6"))
                .andExpect(jsonPath("$.entries[6].subject.project").value("si"))
                .andExpect(jsonPath("$.entries[6].subject.environment").value(nullValue()))
                .andExpect(jsonPath("$.entries[6].subject.resource").value(US_VPC.toString()))
                .andExpect(jsonPath("$.entries[6].data.sharedWith").value("ecomm"))
                .andExpect(jsonPath("$.entries[6].data.resource").value(US_VPC.toString()))
                .andExpect(jsonPath("$.entries[5].subject.environment").value("si-staging"))
                .andExpect(jsonPath("$.entries[5].data.attributes.cidr").value("10.0.0.0/16"))
                .andExpect(jsonPath("$.entries[11].type").value("ResourceTypeConfigured"))
                .andExpect(jsonPath("$.entries[11].subject.project").value(nullValue()))
                .andExpect(jsonPath("$.entries[11].data.type").value("spark-cluster"));
    }

    @Test
    void anEventTheReadModelsDidNotApplyTakesItsPositionAndIsMarkedWithTheReason() throws Exception {
        List<InfrashareEvent> story = everyKindOfEvent();
        apply(story.subList(0, 8));
        projector.recordNotApplied(new IncomingEvent("event-" + ++nextId, story.get(8)),
                new NotApplied("constraint-violated", "resource",
                        "The resource read model could not apply the event: a constraint of its tables refused it."));
        apply(story.subList(9, STORY));

        audit("dev-auditor", "")
                .andExpect(header().string("X-Projection-Position", Integer.toString(STORY)))
                .andExpect(jsonPath("$.entries[*].position", contains(range(1, STORY))))
                .andExpect(jsonPath("$.entries[7].applied").value(true))
                .andExpect(jsonPath("$.entries[7]", hasKey("notApplied")))
                .andExpect(jsonPath("$.entries[7].notApplied").value(nullValue()))
                .andExpect(jsonPath("$.entries[8].type").value("ResourceShared"))
                .andExpect(jsonPath("$.entries[8].applied").value(false))
                .andExpect(jsonPath("$.entries[8].notApplied.category").value("constraint-violated"))
                .andExpect(jsonPath("$.entries[8].notApplied.readModel").value("resource"))
                .andExpect(jsonPath("$.entries[8].notApplied.message").value(
                        "The resource read model could not apply the event: a constraint of its tables refused it."))
                .andExpect(jsonPath("$.entries[8].notApplied.since").isString())
                .andExpect(jsonPath("$.entries[8].data.sharedWith").value("ecomm"))
                .andExpect(jsonPath("$.entries[9].applied").value(true));
        // the EU VPC's only share was not applied: its consumers show none
        http.perform(get("/resources/" + EU_VPC + "/consumers").header(HttpHeaders.AUTHORIZATION, "Bearer dev-ops"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.shares", hasSize(0)));
        // recorded once: a redelivery changes nothing
        assertThat(projector.apply(new IncomingEvent("event-9", story.get(8)))).isEmpty();
    }

    @Test
    void theReasonGivenWithAWriteIsInItsEntry() throws Exception {
        apply(new ProjectCreated(ACME, SI, "Shared Infra", "ops",
                new Provenance("olivia", "INC-1234: network for the EU launch", second(0), "request-1")));

        audit("dev-ecomm", "")
                .andExpect(jsonPath("$.entries[0].reason").value("INC-1234: network for the EU launch"))
                .andExpect(jsonPath("$.entries[0].correlationId").value("request-1"))
                .andExpect(jsonPath("$.entries[0].data.provenance.reason").value("INC-1234: network for the EU launch"));
    }

    @Test
    void aResourceMatchesEveryEventAboutItIncludingTheDefaultThatReplacedIt() throws Exception {
        apply(everyKindOfEvent());

        // provisioned, shared, default set, replaced by the EU VPC's default, share revoked, decommissioned
        positions("resource=" + US_VPC, 6, 7, 10, 11, 25, 26);
        positions("resource=" + DEPLOYER_ROLE, 13, 14, 17, 21);
    }

    @Test
    void aProjectMatchesItsOwnEventsAndTheSharesItReceives() throws Exception {
        apply(everyKindOfEvent());

        positions("project=si", 1, 3, 5, 6, 7, 8, 9, 20, 25, 26);
        positions("project=ecomm", 2, 4, 7, 9, 10, 11, 13, 14, 15, 16, 17, 18, 19, 21, 22, 23, 24, 25);
    }

    @Test
    void anEnvironmentMatchesItsEvents() throws Exception {
        apply(everyKindOfEvent());

        positions("environment=" + ECOMM_PR42, 16, 17, 18, 19, 21, 22, 23, 24);
    }

    @Test
    void anActorMatchesWhatThatPrincipalDid() throws Exception {
        apply(everyKindOfEvent());

        positions("actor=ada", 12);
        positions("actor=olivia", 1, 3, 5, 6, 7, 8, 9, 20, 25, 26);
    }

    @Test
    void aTypeMatchesEventsOfThatName() throws Exception {
        apply(everyKindOfEvent());

        positions("type=ResourceShared", 7, 9);
    }

    @Test
    void fromAndToAreInclusiveToTheMicrosecond() throws Exception {
        apply(everyKindOfEvent());

        positions("from=" + second(9) + "&to=" + second(11), 10, 11, 12);
        positions("from=" + second(9).plusNanos(1_000) + "&to=" + second(11), 11, 12);
        positions("from=" + second(9) + "&to=" + second(11).minusNanos(1_000), 10, 11);
        positions("from=" + second(22), 26);
        positions("to=" + second(0), 1);
    }

    @Test
    void filtersCombine() throws Exception {
        apply(everyKindOfEvent());

        positions("project=ecomm&environment=ecomm-staging&type=EnvironmentDefaultSet", 10, 11, 14);
        positions("resource=" + EU_VPC + "&actor=olivia", 8, 9, 20);
        positions("resource=" + EU_VPC + "&actor=olivia&from=" + second(19), 20);
        positions("resource=" + EU_VPC + "&actor=olivia&from=" + second(19).plusNanos(1_000));
        positions("actor=nobody");
    }

    @Test
    void pagesFollowedByTheirCursorsGiveEveryEntryOnce() throws Exception {
        apply(everyKindOfEvent());

        List<Integer> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = json.readTree(audit("dev-ops", "limit=7" + (after == null ? "" : "&after=" + after))
                    .andExpect(status().isOk())
                    .andExpect(header().string("X-Projection-Position", Integer.toString(STORY)))
                    .andReturn().getResponse().getContentAsString());
            page.get("entries").forEach(entry -> seen.add(entry.get("position").asInt()));
            pageSizes.add(page.get("entries").size());
            after = page.get("next").isNull() ? null : page.get("next").asText();
        } while (after != null);

        assertThat(seen).containsExactly(range(1, STORY));
        assertThat(pageSizes).containsExactly(7, 7, 7, 5);
    }

    @Test
    void pagesOfAFilteredLogFollowTheFilter() throws Exception {
        apply(everyKindOfEvent());

        String next = json.readTree(audit("dev-ops", "project=si&limit=4").andExpect(status().isOk())
                        .andExpect(jsonPath("$.entries[*].position", contains(1, 3, 5, 6)))
                        .andReturn().getResponse().getContentAsString())
                .get("next").asText();
        String last = json.readTree(audit("dev-ops", "project=si&limit=4&after=" + next)
                        .andExpect(jsonPath("$.entries[*].position", contains(7, 8, 9, 20)))
                        .andReturn().getResponse().getContentAsString())
                .get("next").asText();
        audit("dev-ops", "project=si&limit=4&after=" + last)
                .andExpect(jsonPath("$.entries[*].position", contains(25, 26)))
                .andExpect(jsonPath("$.next").value(nullValue()));
    }

    @Test
    void aPageThatEndsExactlyAtTheLastEntryHasNoNext() throws Exception {
        apply(everyKindOfEvent());

        audit("dev-ops", "type=ResourceShared&limit=2")
                .andExpect(jsonPath("$.entries", hasSize(2)))
                .andExpect(jsonPath("$.next").value(nullValue()));
    }

    @Test
    void theLimitIsOneToAThousand() throws Exception {
        apply(everyKindOfEvent());

        for (String limit : List.of("0", "1001", "-5", "many")) {
            invalid("limit=" + limit, "limit");
        }
        audit("dev-ops", "limit=1000").andExpect(status().isOk()).andExpect(jsonPath("$.entries", hasSize(STORY)));
        audit("dev-ops", "limit=1").andExpect(status().isOk()).andExpect(jsonPath("$.entries", hasSize(1)));
    }

    @Test
    void aCursorThisLogDidNotGiveOutIsABadRequest() throws Exception {
        apply(everyKindOfEvent());

        String notBase64 = "%%%";
        String noPrefix = Base64.getUrlEncoder().encodeToString("12".getBytes(StandardCharsets.UTF_8));
        String noNumber = Base64.getUrlEncoder().encodeToString("p:twelve".getBytes(StandardCharsets.UTF_8));
        String negative = Base64.getUrlEncoder().encodeToString("p:-1".getBytes(StandardCharsets.UTF_8));
        for (String cursor : List.of(notBase64, noPrefix, noNumber, negative, "")) {
            invalid("after=" + cursor, "after");
        }
    }

    @Test
    void otherParametersOfTheWrongShapeAreBadRequestsNamingThem() throws Exception {
        invalid("from=yesterday", "from");
        invalid("to=2026-11-23", "to");
        invalid("resource=not-a-uuid", "resource");
        invalid("type=ResourceSharedEvent", "type");
    }

    @Test
    void instantsOutsideTheYearsOneTo9999AreBadRequestsNamingTheRange() throws Exception {
        for (String[] parameter : List.of(new String[] {"from", "+1000000000-01-01T00:00:00Z"},
                new String[] {"from", "-999999-01-01T00:00:00Z"}, new String[] {"to", "+10000-01-01T00:00:00Z"})) {
            http.perform(get("/audit").param(parameter[0], parameter[1])
                            .header(HttpHeaders.AUTHORIZATION, "Bearer dev-auditor"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                    .andExpect(jsonPath("$.errors[0].field").value(parameter[0]))
                    .andExpect(jsonPath("$.errors[0].message")
                            .value("is not an ISO-8601 instant between 0001-01-01T00:00:00Z"
                                    + " and 9999-12-31T23:59:59.999999Z"));
        }
        audit("dev-auditor", "from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59.999999Z").andExpect(status().isOk());
    }

    @Test
    void ndjsonHasEveryMatchingEntryOnALineOfItsOwn() throws Exception {
        apply(everyKindOfEvent());

        List<JsonNode> lines = lines("resource=" + US_VPC);
        assertThat(lines).extracting(line -> line.get("position").asInt()).containsExactly(6, 7, 10, 11, 25, 26);
        assertThat(lines.get(1).get("type").asText()).isEqualTo("ResourceShared");
        assertThat(lines.get(1).get("data").get("sharedWith").asText()).isEqualTo("ecomm");
        assertThat(lines.get(1).get("subject").get("resource").asText()).isEqualTo(US_VPC.toString());
    }

    /** A client that lists JSON first (a generated client lists every type the operation answers) gets the page. */
    @Test
    void theExportIsForAClientThatPrefersNdjson() throws Exception {
        apply(everyKindOfEvent());

        http.perform(auditRequest("dev-ops", "limit=2")
                        .header(HttpHeaders.ACCEPT, "application/json, application/x-ndjson, application/problem+json"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.entries.length()").value(2));
        http.perform(auditRequest("dev-ops", "limit=2")
                        .header(HttpHeaders.ACCEPT, "application/json;q=0.5, application/x-ndjson"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(AuditController.NDJSON));
        http.perform(auditRequest("dev-ops", "limit=2")
                        .header(HttpHeaders.ACCEPT, "*/*, application/x-ndjson;q=0.1"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
    }

    /** More entries than a page read from the database, and more than a JSON page may hold. */
    @Test
    void ndjsonHasNoLimitAndReadsTheLogInPages() throws Exception {
        apply(everyKindOfEvent());
        for (int n = 0; n < 1_100; n++) {
            apply(new ResourceReconfigured(ACME, SI, EU_VPC, Map.of("cidr", "10.1." + n % 256 + ".0/24"), Set.of(),
                    by("olivia", 30 + n)));
        }
        int total = STORY + 1_100;

        assertThat(lines("")).extracting(line -> line.get("position").asInt())
                .containsExactly(range(1, total));
        assertThat(lines("type=ResourceReconfigured")).hasSize(1_101);
    }

    @Test
    void ndjsonEndsWithATrailerCountingTheEntriesWithTheCursorToGoOnFrom() throws Exception {
        apply(everyKindOfEvent());

        List<JsonNode> lines = allLines("dev-auditor", "project=si");
        assertThat(lines).hasSize(11);
        JsonNode trailer = lines.get(10).get("trailer");
        assertThat(trailer.get("count").asInt()).isEqualTo(10);
        assertThat(trailer.get("lastPosition").asInt()).isEqualTo(26);
        apply(new ProjectCreated(ACME, ProjectId.of("web"), "Web Shop", "web", by("wendy", 30)),
                new PackageAdded(ACME, SI, PackageId.of("dns"), "aws-route53", ResourceType.of("aws-route53"),
                        by("olivia", 31)));

        List<JsonNode> later = allLines("dev-auditor", "project=si&after=" + trailer.get("next").asText());
        assertThat(later).hasSize(2);
        assertThat(later.get(0).get("position").asInt()).isEqualTo(28);
        assertThat(later.get(1).get("trailer").get("count").asInt()).isEqualTo(1);
        JsonNode none = allLines("dev-auditor", "actor=nobody").get(0).get("trailer");
        assertThat(none.get("count").asInt()).isZero();
        assertThat(none.get("lastPosition").isNull()).isTrue();
        assertThat(allLines("dev-auditor", "actor=nobody&after=" + none.get("next").asText()).get(0)
                .at("/trailer/count").asInt()).isZero();
    }

    /** A row the log cannot read, on the second page read from the database: the first page went out with a 200. */
    @Test
    void ndjsonThatBreaksOffEndsWithAnErrorLineAndNoTrailer() throws Exception {
        apply(everyKindOfEvent());
        for (int n = 0; n < AuditQuery.STREAM_PAGE; n++) {
            apply(new ResourceReconfigured(ACME, SI, EU_VPC, Map.of("cidr", "10.1." + n % 256 + ".0/24"), Set.of(),
                    by("olivia", 30 + n)));
        }
        int broken = AuditQuery.STREAM_PAGE + 10;
        UnreadableAuditEntry.at(jdbc, broken);

        List<JsonNode> lines = allLines("dev-auditor", "");

        assertThat(lines).hasSize(AuditQuery.STREAM_PAGE + 1);
        assertThat(lines.subList(0, AuditQuery.STREAM_PAGE)).extracting(line -> line.get("position").asInt())
                .containsExactly(range(1, AuditQuery.STREAM_PAGE));
        JsonNode error = lines.get(AuditQuery.STREAM_PAGE).get("error");
        assertThat(error.get("type").asText()).isEqualTo("/problems/internal");
        assertThat(error.get("detail").asText()).doesNotContain("not-a-resource-id");
        // going on from the error line's cursor breaks off again, before the page holding the broken entry
        List<JsonNode> again = allLines("dev-auditor", "after=" + error.get("next").asText());
        assertThat(again).hasSize(1);
        assertThat(again.get(0).at("/error/next").asText()).isEqualTo(error.get("next").asText());
    }

    @Test
    void ndjsonAnswersBadParametersWithAProblem() throws Exception {
        http.perform(auditRequest("dev-ops", "from=yesterday").accept(AuditController.NDJSON))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    @Test
    void anotherOrganizationSeesOnlyItsOwnHistory() throws Exception {
        OrganizationId globex = OrganizationId.of("globex");
        ProjectId net = ProjectId.of("net");
        apply(everyKindOfEvent());
        apply(new ProjectCreated(globex, net, "Network", "ops", by("gus", 40)),
                new ResourceShared(globex, net, US_VPC, ECOMM, by("gus", 41)));

        audit("dev-globex", "")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "2"))
                .andExpect(jsonPath("$.entries[*].position", contains(1, 2)))
                .andExpect(jsonPath("$.entries[*].actor", contains("gus", "gus")));
        // acme's ids name nothing of globex's but the share globex recorded itself
        audit("dev-globex", "resource=" + US_VPC).andExpect(jsonPath("$.entries[*].eventId", contains("event-28")));
        audit("dev-globex", "project=si").andExpect(jsonPath("$.entries", hasSize(0)));
        audit("dev-globex", "actor=olivia").andExpect(jsonPath("$.entries", hasSize(0)));
        assertThat(lines("dev-globex", "")).extracting(line -> line.get("actor").asText()).containsExactly("gus", "gus");
        audit("dev-ecomm", "actor=gus").andExpect(jsonPath("$.entries", hasSize(0)));
        audit("dev-ecomm", "").andExpect(header().string("X-Projection-Position", Integer.toString(STORY)));
    }

    @Test
    void aCallerWithoutAKnownTokenIsUnauthenticated() throws Exception {
        apply(everyKindOfEvent());

        http.perform(get("/audit"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("/problems/unauthenticated"));
        audit("not-a-token", "").andExpect(status().isUnauthorized());
        http.perform(get("/audit").accept(AuditController.NDJSON))
                .andExpect(status().isUnauthorized());
    }

    private void positions(String query, Integer... expected) throws Exception {
        audit("dev-auditor", query)
                .andExpect(status().isOk())
                .andExpect(expected.length == 0 ? jsonPath("$.entries", hasSize(0))
                        : jsonPath("$.entries[*].position", contains(expected)))
                .andExpect(jsonPath("$.next").value(nullValue()));
    }

    private void invalid(String query, String parameter) throws Exception {
        audit("dev-auditor", query)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value(parameter));
    }

    private List<JsonNode> lines(String query) throws Exception {
        return lines("dev-auditor", query);
    }

    /** The entries of a complete export: its last line is the trailer, which counts them. */
    private List<JsonNode> lines(String token, String query) throws Exception {
        List<JsonNode> lines = allLines(token, query);
        JsonNode trailer = lines.remove(lines.size() - 1).get("trailer");
        assertThat(trailer).as("the trailer").isNotNull();
        assertThat(trailer.get("count").asInt()).isEqualTo(lines.size());
        assertThat(lines).allSatisfy(line -> assertThat(line.has("trailer") || line.has("error")).isFalse());
        return lines;
    }

    private List<JsonNode> allLines(String token, String query) throws Exception {
        var response = http.perform(auditRequest(token, query).accept(AuditController.NDJSON))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(AuditController.NDJSON))
                .andExpect(header().exists("X-Projection-Position"))
                .andReturn().getResponse();
        String body = response.getContentAsString();
        assertThat(body).endsWith("\n");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            lines.add(json.readTree(line));
        }
        return lines;
    }

    private ResultActions audit(String token, String query) throws Exception {
        return http.perform(auditRequest(token, query));
    }

    private static MockHttpServletRequestBuilder auditRequest(String token, String query) {
        // the query is given as written, so that what is tested is what a client sends
        return get("/audit" + (query.isEmpty() ? "" : "?" + query))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    private static Integer[] range(int first, int last) {
        return IntStream.rangeClosed(first, last).boxed().toArray(Integer[]::new);
    }

    private void apply(List<InfrashareEvent> events) {
        events.forEach(this::apply);
    }

    private void apply(InfrashareEvent... events) {
        for (InfrashareEvent event : events) {
            projector.apply(new IncomingEvent("event-" + ++nextId, event));
        }
    }
}

package io.infrashare.query.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrashare.events.EnvironmentCreated;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.ProjectCreated;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceImported;
import io.infrashare.query.ingest.IncomingEvent;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.infrashare.query.AcmeStory.AWS_IAM_ROLE;
import static io.infrashare.query.AcmeStory.DEPLOYER_ROLE;
import static io.infrashare.query.AcmeStory.EU_VPC;
import static io.infrashare.query.AcmeStory.US_VPC;
import static io.infrashare.query.AcmeStory.by;
import static io.infrashare.query.AcmeStory.ericReferencesTheVpc;
import static io.infrashare.query.AcmeStory.everyKindOfEvent;
import static io.infrashare.query.AcmeStory.second;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sharing graph of the story of {@code AcmeStory}, fed to the projector and asked over HTTP: Shared Infra's EU VPC,
 * shared with ECommerce API, whose staging takes it as default and by remote reference; a preview forked from
 * staging and torn down; the US VPC revoked and decommissioned.
 */
@SpringBootTest(properties = {
        "spring.flyway.clean-disabled=false",
        "spring.kafka.listener.auto-startup=false"})
@WithPostgres
@AutoConfigureMockMvc
class GraphQueryTest {

    private static final String EU = "resource:" + EU_VPC;
    private static final String US = "resource:" + US_VPC;
    private static final String ROLE = "resource:" + DEPLOYER_ROLE;

    @Autowired
    MockMvc http;
    @Autowired
    Projector projector;
    @Autowired
    Flyway flyway;
    @Autowired
    ObjectMapper json;

    private int nextId;

    @BeforeEach
    void theStoryAndAReferenceToTheEuVpc() {
        flyway.clean();
        flyway.migrate();
        List<InfrashareEvent> story = new ArrayList<>(everyKindOfEvent());
        story.add(ericReferencesTheVpc(EU_VPC, null, 23));
        story.forEach(event -> projector.apply(new IncomingEvent("event-" + ++nextId, event)));
    }

    @Test
    void theWholeGraphShowsWhoOwnsProvisionsSharesAndConsumesWhatIsLeft() throws Exception {
        ask(graph())
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(header().string("X-Projection-Position", "27"))
                .andExpect(content().json("""
                        {"asOf": "%s",
                         "nodes": [
                           {"id": "environment:ecomm-staging", "kind": "environment", "label": "Staging",
                            "project": "ecomm"},
                           {"id": "environment:si-staging", "kind": "environment", "label": "Staging",
                            "project": "si"},
                           {"id": "project:ecomm", "kind": "project", "label": "ECommerce API", "project": "ecomm"},
                           {"id": "project:si", "kind": "project", "label": "Shared Infra", "project": "si"},
                           {"id": "%s", "kind": "resource", "label": "EU VPC", "project": "si", "type": "aws-vpc"},
                           {"id": "%s", "kind": "resource", "label": "CI deployer role", "project": "ecomm",
                            "type": "aws-iam-role"}],
                         "edges": [
                           {"from": "environment:ecomm-staging", "to": "%s", "kind": "default"},
                           {"from": "environment:ecomm-staging", "to": "%s", "kind": "remote-reference",
                            "package": "vpc"},
                           {"from": "environment:ecomm-staging", "to": "%s", "kind": "default"},
                           {"from": "project:ecomm", "to": "environment:ecomm-staging", "kind": "owns"},
                           {"from": "project:ecomm", "to": "%s", "kind": "owns"},
                           {"from": "project:si", "to": "environment:si-staging", "kind": "owns"},
                           {"from": "%s", "to": "environment:si-staging", "kind": "provisioned-in"},
                           {"from": "%s", "to": "project:ecomm", "kind": "shared-with"}]}
                        """.formatted(second(23), EU, ROLE, EU, EU, ROLE, ROLE, EU, EU), true));
    }

    @Test
    void asOfAnInstantBeforeTheTeardownThePreviewIsThereAndNowItIsNot() throws Exception {
        JsonNode before = graphOf(graph().param("at", second(18).toString()));

        assertThat(before.path("asOf").asText()).isEqualTo(second(18).toString());
        assertThat(ids(before)).contains("environment:ecomm-pr42", US);
        assertThat(edges(before)).contains(
                "environment:ecomm-pr42 forked-from environment:ecomm-staging",
                "environment:ecomm-pr42 default " + EU,
                "environment:ecomm-pr42 default " + ROLE,
                "environment:ecomm-pr42 remote-reference " + EU,
                "project:ecomm owns environment:ecomm-pr42",
                US + " shared-with project:ecomm",
                US + " provisioned-in environment:si-staging");

        JsonNode now = graphOf(graph());
        assertThat(ids(now)).doesNotContain("environment:ecomm-pr42", US);
        assertThat(edges(now)).noneMatch(edge -> edge.contains("ecomm-pr42") || edge.contains(US));
    }

    @Test
    void asOfTheInstantTheLiveGraphGivesItIsTheSameGraph() throws Exception {
        JsonNode now = graphOf(graph());

        JsonNode then = graphOf(graph().param("at", now.path("asOf").asText()));

        assertThat(then).isEqualTo(now);
    }

    @Test
    void beforeAProjectWasCreatedItIsNotThereNorIsAnythingOfIt() throws Exception {
        ask(graph().param("at", second(0).toString()))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "1"))
                .andExpect(content().json("""
                        {"nodes": [{"id": "project:si", "kind": "project", "label": "Shared Infra",
                                    "project": "si"}],
                         "edges": []}"""));
        ask(graph().param("at", second(-1).toString()))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "0"))
                .andExpect(content().json("{\"nodes\": [], \"edges\": []}"));
        ask(graph().param("project", "ecomm").param("at", second(0).toString()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
    }

    @Test
    void aResourcesGraphShowsItsConsumersAndWhatIsBetweenThem() throws Exception {
        JsonNode graph = graphOf(graph().param("resource", EU_VPC.toString()).param("depth", "1"));

        assertThat(ids(graph)).containsExactly("environment:ecomm-staging", "environment:si-staging",
                "project:ecomm", EU);
        assertThat(edges(graph)).containsExactly(
                "environment:ecomm-staging default " + EU,
                "environment:ecomm-staging remote-reference " + EU,
                "project:ecomm owns environment:ecomm-staging",
                EU + " provisioned-in environment:si-staging",
                EU + " shared-with project:ecomm");
    }

    @Test
    void eachStepOfDepthReachesOneEdgeFurtherEitherWay() throws Exception {
        assertThat(ids(graphOf(graph().param("project", "si").param("depth", "1"))))
                .containsExactly("environment:si-staging", "project:si");
        assertThat(ids(graphOf(graph().param("project", "si").param("depth", "2"))))
                .containsExactly("environment:si-staging", "project:si", EU);
        assertThat(ids(graphOf(graph().param("project", "si"))))
                .as("depth 2 by default")
                .containsExactly("environment:si-staging", "project:si", EU);
        assertThat(ids(graphOf(graph().param("project", "si").param("depth", "3"))))
                .containsExactly("environment:ecomm-staging", "environment:si-staging", "project:ecomm",
                        "project:si", EU);
        assertThat(ids(graphOf(graph().param("project", "si").param("depth", "10"))))
                .as("everything connected to it")
                .containsExactly("environment:ecomm-staging", "environment:si-staging", "project:ecomm",
                        "project:si", EU, ROLE);
    }

    @Test
    void aProjectAndAResourceTogetherReachFromEither() throws Exception {
        assertThat(ids(graphOf(graph().param("project", "si").param("resource", DEPLOYER_ROLE.toString())
                .param("depth", "1"))))
                .containsExactly("environment:ecomm-staging", "environment:si-staging", "project:ecomm",
                        "project:si", ROLE);
    }

    @Test
    void theSameStateAnswersTheSameBytesInEveryFormat() throws Exception {
        for (String format : List.of("json", "mermaid", "dot")) {
            for (MockHttpServletRequestBuilder request : List.of(graph(), graph().param("at", second(18).toString()),
                    graph().param("resource", EU_VPC.toString()).param("depth", "3"))) {
                request.param("format", format);
                byte[] first = ask(request).andExpect(status().isOk()).andReturn().getResponse()
                        .getContentAsByteArray();
                byte[] second = ask(request).andExpect(status().isOk()).andReturn().getResponse()
                        .getContentAsByteArray();
                assertThat(second).as(format).isEqualTo(first);
            }
        }
    }

    @Test
    void theFormatDecidesTheMediaType() throws Exception {
        ask(graph().param("format", "mermaid").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/vnd.mermaid;charset=UTF-8"))
                .andExpect(header().string("X-Projection-Position", "27"));
        ask(graph().param("format", "dot"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/vnd.graphviz;charset=UTF-8"));
        ask(graph().param("format", "json").accept("text/vnd.mermaid"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON));
    }

    @Test
    void theStoryDrawnInMermaidAndDot() throws Exception {
        String at = second(18).toString();
        String mermaid = text(graph().param("format", "mermaid").param("resource", DEPLOYER_ROLE.toString())
                .param("depth", "1").param("at", at));
        assertThat(mermaid).isEqualTo("""
                flowchart LR
                    %% as of {at}
                    environment_ecomm_pr42("PR 42<br/>ecomm-pr42")
                    environment_ecomm_staging("Staging<br/>ecomm-staging")
                    project_ecomm["ECommerce API<br/>ecomm"]
                    {role}[("CI deployer role<br/>aws-iam-role")]
                    environment_ecomm_pr42 -->|"forked-from"| environment_ecomm_staging
                    environment_ecomm_pr42 -->|"default"| {role}
                    environment_ecomm_staging -->|"default"| {role}
                    project_ecomm -->|"owns"| environment_ecomm_pr42
                    project_ecomm -->|"owns"| environment_ecomm_staging
                    project_ecomm -->|"owns"| {role}
                """.replace("{at}", at).replace("{role}", MermaidText.id(ROLE)));

        String dot = text(graph().param("format", "dot").param("resource", US_VPC.toString()).param("depth", "1")
                .param("at", at));
        assertThat(dot).isEqualTo("""
                digraph sharing {
                    // as of {at}
                    rankdir=LR;
                    "environment:si-staging" [label="Staging\\nsi-staging", shape=box, style=rounded];
                    "project:ecomm" [label="ECommerce API\\necomm", shape=box];
                    "{us}" [label="US VPC\\naws-vpc", shape=cylinder];
                    "{us}" -> "environment:si-staging" [label="provisioned-in"];
                    "{us}" -> "project:ecomm" [label="shared-with"];
                }
                """.replace("{at}", at).replace("{us}", US));
    }

    @Test
    void hostileNamesAreDrawnAsTheyWereGivenAndBreakNeitherFormat() throws Exception {
        OrganizationId globex = OrganizationId.of("globex");
        // PostgreSQL's text holds neither a NUL nor a lone surrogate
        List<String> names = DrawnGraphTest.HOSTILE.stream()
                .filter(name -> !name.contains("\u0000") && !name.contains("\uD800"))
                .toList();
        for (int i = 0; i < names.size(); i++) {
            ProjectId project = ProjectId.of("h" + i);
            for (InfrashareEvent event : List.of(
                    new ProjectCreated(globex, project, names.get(i), "ops", by("gus", 30)),
                    new EnvironmentCreated(globex, project, EnvironmentId.of(project, "env"), names.get(i), Map.of(),
                            null, by("gus", 31)),
                    new ResourceImported(globex, project, ResourceId.of(new UUID(0, i)), AWS_IAM_ROLE, names.get(i),
                            Map.of(), by("gus", 32)))) {
                projector.apply(new IncomingEvent("event-" + ++nextId, event));
            }
        }

        Drawings.Drawn mermaid = Drawings.mermaid(text(graph().param("format", "mermaid"), "dev-globex"));
        Drawings.Drawn dot = Drawings.dot(text(graph().param("format", "dot"), "dev-globex"));

        assertThat(mermaid.labels()).hasSize(3 * names.size());
        assertThat(dot.labels()).hasSize(3 * names.size());
        for (int i = 0; i < names.size(); i++) {
            String resource = "resource:" + new UUID(0, i);
            assertThat(mermaid.labels().get("project_h" + i)).isEqualTo(names.get(i) + "\nh" + i);
            assertThat(mermaid.labels().get("environment_h" + i + "_env"))
                    .isEqualTo(names.get(i) + "\nh" + i + "-env");
            assertThat(mermaid.labels().get(MermaidText.id(resource))).isEqualTo(names.get(i) + "\naws-iam-role");
            assertThat(dot.labels().get("project:h" + i)).isEqualTo(names.get(i) + "\nh" + i);
            assertThat(dot.labels().get(resource)).isEqualTo(names.get(i) + "\naws-iam-role");
            assertThat(dot.edges()).contains("project:h" + i + " owns " + resource);
        }
    }

    @Test
    void anUnknownFormatOrADepthOutsideOneToTenIsABadRequest() throws Exception {
        for (String[] parameter : List.of(new String[]{"format", "svg"}, new String[]{"format", "JSON"},
                new String[]{"format", ""}, new String[]{"depth", "0"}, new String[]{"depth", "11"},
                new String[]{"depth", "-1"}, new String[]{"depth", "two"}, new String[]{"depth", "0002"},
                new String[]{"project", "Not-A-Project"}, new String[]{"resource", "1-2-3-4-5"},
                new String[]{"at", "yesterday"})) {
            ask(graph().param("project", "si").param(parameter[0], parameter[1]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                    .andExpect(jsonPath("$.errors[0].field").value(parameter[0]));
        }
    }

    @Test
    void anUnknownProjectOrResourceIsNotFoundAndSoIsAnotherOrganizations() throws Exception {
        ask(graph().param("project", "nope"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/not-found"))
                .andExpect(jsonPath("$.detail").value("There is no project 'nope'."));
        ask(graph().param("project", "si"), "dev-globex")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"))
                .andExpect(jsonPath("$.detail").value("There is no project 'si'."));
        ask(graph().param("resource", EU_VPC.toString()), "dev-globex")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("There is no active resource '" + EU_VPC + "'."));
        ask(graph(), "dev-globex")
                .andExpect(status().isOk())
                .andExpect(content().json("{\"asOf\": null, \"nodes\": [], \"edges\": []}", true));
    }

    @Test
    void aDecommissionedResourceIsNotFoundNowAndFoundBeforeItsEnd() throws Exception {
        ask(graph().param("resource", US_VPC.toString()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
        ask(graph().param("resource", US_VPC.toString()).param("at", second(18).toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nodes[?(@.id == '" + US + "')]").exists());
    }

    @Test
    void aCallerWithoutAKnownTokenIsUnauthenticated() throws Exception {
        http.perform(graph())
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("/problems/unauthenticated"));
    }

    private static MockHttpServletRequestBuilder graph() {
        return MockMvcRequestBuilders.get("/graph");
    }

    private ResultActions ask(MockHttpServletRequestBuilder request) throws Exception {
        return ask(request, "dev-ops");
    }

    private ResultActions ask(MockHttpServletRequestBuilder request, String token) throws Exception {
        return http.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }

    private JsonNode graphOf(MockHttpServletRequestBuilder request) throws Exception {
        return json.readTree(ask(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
    }

    private String text(MockHttpServletRequestBuilder request) throws Exception {
        return text(request, "dev-ops");
    }

    private String text(MockHttpServletRequestBuilder request, String token) throws Exception {
        return ask(request, token).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static List<String> ids(JsonNode graph) {
        return graph.path("nodes").findValuesAsText("id");
    }

    /** "from kind to" of each edge, in the answer's order. */
    private static List<String> edges(JsonNode graph) {
        List<String> edges = new ArrayList<>();
        graph.path("edges").forEach(edge -> edges.add(edge.path("from").asText() + " " + edge.path("kind").asText()
                + " " + edge.path("to").asText()));
        return edges;
    }
}

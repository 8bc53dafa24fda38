package io.infrashare.query.consumption;

import io.infrashare.events.EnvironmentCreated;
import io.infrashare.events.EnvironmentDefaultCleared;
import io.infrashare.events.EnvironmentDefaultSet;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.EventTypes;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.ProjectCreated;
import io.infrashare.events.ProjectId;
import io.infrashare.events.RemoteReferenceRemoved;
import io.infrashare.events.ResourceDecommissioned;
import io.infrashare.events.ResourceReconfigured;
import io.infrashare.events.ResourceShareRevoked;
import io.infrashare.query.ingest.IncomingEvent;
import io.infrashare.query.ingest.Projector;
import io.infrashare.query.project.EnvironmentReadModel;
import io.infrashare.testing.WithPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.infrashare.query.AcmeStory.ACME;
import static io.infrashare.query.AcmeStory.AWS_IAM_ROLE;
import static io.infrashare.query.AcmeStory.AWS_VPC;
import static io.infrashare.query.AcmeStory.DEPLOYER_ROLE;
import static io.infrashare.query.AcmeStory.ECOMM;
import static io.infrashare.query.AcmeStory.ECOMM_PR42;
import static io.infrashare.query.AcmeStory.ECOMM_STAGING;
import static io.infrashare.query.AcmeStory.EU_VPC;
import static io.infrashare.query.AcmeStory.SI;
import static io.infrashare.query.AcmeStory.SI_STAGING;
import static io.infrashare.query.AcmeStory.US_VPC;
import static io.infrashare.query.AcmeStory.VPC;
import static io.infrashare.query.AcmeStory.by;
import static io.infrashare.query.AcmeStory.ecommAddsAVpcPackage;
import static io.infrashare.query.AcmeStory.ericImportsTheDeployerRole;
import static io.infrashare.query.AcmeStory.ericReferencesTheVpc;
import static io.infrashare.query.AcmeStory.ericSetsTheDefaultVpc;
import static io.infrashare.query.AcmeStory.everyKindOfEvent;
import static io.infrashare.query.AcmeStory.opsSharesTheEuVpcWithEcommerce;
import static io.infrashare.query.AcmeStory.opsSharesTheUsVpcWithEcommerce;
import static io.infrashare.query.AcmeStory.second;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Events fed to the projector, then the consumption view asked over HTTP: no Kafka. */
@SpringBootTest(properties = {
        "spring.flyway.clean-disabled=false",
        "spring.kafka.listener.auto-startup=false"})
@WithPostgres
@AutoConfigureMockMvc
class ConsumptionProjectionTest {

    static final Instant NOW = Instant.parse("2026-11-24T08:00:00.654321Z");

    @TestConfiguration(proxyBeanMethods = false)
    static class FixedClock {

        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc http;
    @Autowired
    Projector projector;
    @Autowired
    Flyway flyway;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    EnvironmentReadModel environments;

    private int nextId;

    @BeforeEach
    void emptyReadModels() {
        flyway.clean();
        flyway.migrate();
    }

    @Test
    void ecommerceStagingConsumesTheVpcItsTeamMadeTheDefault() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());
        apply(ericSetsTheDefaultVpc(US_VPC, null, 7));

        consumption(ECOMM_STAGING, "dev-ecomm")
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string("X-Projection-Position", "8"))
                .andExpect(jsonPath("$.environment").value("ecomm-staging"))
                .andExpect(jsonPath("$.project").value("ecomm"))
                .andExpect(jsonPath("$.asOf").value("2026-11-24T08:00:00.654321Z"))
                .andExpect(jsonPath("$.defaults", hasSize(1)))
                .andExpect(jsonPath("$.defaults[0].type").value("aws-vpc"))
                .andExpect(jsonPath("$.defaults[0].resource.id").value(US_VPC.toString()))
                .andExpect(jsonPath("$.defaults[0].resource.type").value("aws-vpc"))
                .andExpect(jsonPath("$.defaults[0].resource.name").value("US VPC"))
                .andExpect(jsonPath("$.defaults[0].resource.attributes.region").value("us-east-1"))
                .andExpect(jsonPath("$.defaults[0].resource.attributes.cidr").value("10.0.0.0/16"))
                .andExpect(jsonPath("$.defaults[0].resource.attributes.azs").value(3))
                .andExpect(jsonPath("$.defaults[0].resource.status").value("active"))
                .andExpect(jsonPath("$.defaults[0].resource.origin").value("provisioned"))
                .andExpect(jsonPath("$.defaults[0].resource.owner.project").value("si"))
                .andExpect(jsonPath("$.defaults[0].resource.owner.environment").value("si-staging"))
                .andExpect(jsonPath("$.defaults[0].resource.owner.package").value("vpc"))
                .andExpect(jsonPath("$.defaults[0].since").value("2026-11-23T10:15:37.123456Z"))
                .andExpect(jsonPath("$.defaults[0].setBy").value("eric"))
                .andExpect(jsonPath("$.remoteReferences", hasSize(0)));
    }

    @Test
    void aNewDefaultOfTheSameTypeReplacesThePreviousOne() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());
        apply(opsSharesTheEuVpcWithEcommerce(7));
        apply(ericSetsTheDefaultVpc(US_VPC, null, 9));
        apply(ericSetsTheDefaultVpc(EU_VPC, US_VPC, 10));

        consumption(ECOMM_STAGING, "dev-ecomm")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "11"))
                .andExpect(jsonPath("$.defaults", hasSize(1)))
                .andExpect(jsonPath("$.defaults[0].resource.id").value(EU_VPC.toString()))
                .andExpect(jsonPath("$.defaults[0].resource.name").value("EU VPC"))
                .andExpect(jsonPath("$.defaults[0].since").value(second(10).toString()));
    }

    @Test
    void aClearedDefaultDisappears() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());
        apply(ericSetsTheDefaultVpc(US_VPC, null, 7));
        apply(new EnvironmentDefaultCleared(ACME, ECOMM, ECOMM_STAGING, AWS_VPC, US_VPC, by("eric", 8)));

        consumption(ECOMM_STAGING, "dev-ecomm")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "9"))
                .andExpect(jsonPath("$.defaults", hasSize(0)));
    }

    @Test
    void aRemoteReferenceShowsTheResourceThePackageIs() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());
        apply(ecommAddsAVpcPackage(7), ericReferencesTheVpc(US_VPC, null, 8));

        consumption(ECOMM_STAGING, "dev-ecomm")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "9"))
                .andExpect(jsonPath("$.defaults", hasSize(0)))
                .andExpect(jsonPath("$.remoteReferences", hasSize(1)))
                .andExpect(jsonPath("$.remoteReferences[0].package").value("vpc"))
                .andExpect(jsonPath("$.remoteReferences[0].resource.id").value(US_VPC.toString()))
                .andExpect(jsonPath("$.remoteReferences[0].resource.type").value("aws-vpc"))
                .andExpect(jsonPath("$.remoteReferences[0].resource.name").value("US VPC"))
                .andExpect(jsonPath("$.remoteReferences[0].resource.attributes.region").value("us-east-1"))
                .andExpect(jsonPath("$.remoteReferences[0].resource.status").value("active"))
                .andExpect(jsonPath("$.remoteReferences[0].resource.origin").value("provisioned"))
                .andExpect(jsonPath("$.remoteReferences[0].resource.owner.project").value("si"))
                .andExpect(jsonPath("$.remoteReferences[0].resource.owner.environment").value("si-staging"))
                .andExpect(jsonPath("$.remoteReferences[0].resource.owner.package").value("vpc"))
                .andExpect(jsonPath("$.remoteReferences[0].since").value(second(8).toString()))
                .andExpect(jsonPath("$.remoteReferences[0].setBy").value("eric"));
    }

    @Test
    void aNewRemoteReferenceOfThePackageReplacesThePreviousOne() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());
        apply(opsSharesTheEuVpcWithEcommerce(7));
        apply(ecommAddsAVpcPackage(9), ericReferencesTheVpc(US_VPC, null, 10),
                ericReferencesTheVpc(EU_VPC, US_VPC, 11));

        consumption(ECOMM_STAGING, "dev-ecomm")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "12"))
                .andExpect(jsonPath("$.remoteReferences", hasSize(1)))
                .andExpect(jsonPath("$.remoteReferences[0].package").value("vpc"))
                .andExpect(jsonPath("$.remoteReferences[0].resource.id").value(EU_VPC.toString()))
                .andExpect(jsonPath("$.remoteReferences[0].resource.name").value("EU VPC"))
                .andExpect(jsonPath("$.remoteReferences[0].since").value(second(11).toString()));
    }

    @Test
    void aRemovedRemoteReferenceDisappears() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());
        apply(ecommAddsAVpcPackage(7), ericReferencesTheVpc(US_VPC, null, 8),
                new RemoteReferenceRemoved(ACME, ECOMM, ECOMM_STAGING, VPC, US_VPC, by("eric", 9)));

        consumption(ECOMM_STAGING, "dev-ecomm")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "10"))
                .andExpect(jsonPath("$.remoteReferences", hasSize(0)));
    }

    @Test
    void anImportedDefaultShowsItsOriginAndNoEnvironmentOrPackage() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());
        apply(ericImportsTheDeployerRole(7), new EnvironmentDefaultSet(ACME, ECOMM, ECOMM_STAGING, AWS_IAM_ROLE,
                DEPLOYER_ROLE, ECOMM, null, by("eric", 8)));

        consumption(ECOMM_STAGING, "dev-ecomm")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "9"))
                .andExpect(jsonPath("$.defaults", hasSize(1)))
                .andExpect(jsonPath("$.defaults[0].type").value("aws-iam-role"))
                .andExpect(jsonPath("$.defaults[0].resource.id").value(DEPLOYER_ROLE.toString()))
                .andExpect(jsonPath("$.defaults[0].resource.type").value("aws-iam-role"))
                .andExpect(jsonPath("$.defaults[0].resource.name").value("CI deployer role"))
                .andExpect(jsonPath("$.defaults[0].resource.attributes.arn")
                        .value("arn:aws:iam::123456789012:role/ci-deployer"))
                .andExpect(jsonPath("$.defaults[0].resource.status").value("active"))
                .andExpect(jsonPath("$.defaults[0].resource.origin").value("imported"))
                .andExpect(jsonPath("$.defaults[0].resource.owner.project").value("ecomm"))
                // present and null, as docs/http-api.md shows an imported resource
                .andExpect(jsonPath("$.defaults[0].resource.owner", hasKey("environment")))
                .andExpect(jsonPath("$.defaults[0].resource.owner.environment").value(nullValue()))
                .andExpect(jsonPath("$.defaults[0].resource.owner", hasKey("package")))
                .andExpect(jsonPath("$.defaults[0].resource.owner.package").value(nullValue()));
    }

    @Test
    void aReconfiguredResourceShowsItsNewAttributes() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());
        apply(ericSetsTheDefaultVpc(US_VPC, null, 7));
        apply(new ResourceReconfigured(ACME, SI, US_VPC, Map.of("region", "us-east-1", "cidr", "10.8.0.0/16"),
                Set.of("azs"), by("olivia", 8)));

        consumption(ECOMM_STAGING, "dev-ecomm")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "9"))
                .andExpect(jsonPath("$.defaults[0].resource.attributes.region").value("us-east-1"))
                .andExpect(jsonPath("$.defaults[0].resource.attributes.cidr").value("10.8.0.0/16"))
                .andExpect(jsonPath("$.defaults[0].resource.attributes.azs").doesNotExist())
                .andExpect(jsonPath("$.defaults[0].resource.name").value("US VPC"))
                .andExpect(jsonPath("$.defaults[0].since").value(second(7).toString()));
    }

    /**
     * The command side never decommissions what is consumed, but a view can still name a decommissioned resource
     * when the release before it was lost (dead-lettered): the view shows it as it is rather than hiding it.
     */
    @Test
    void aDecommissionedResourceStillNamedByAViewShowsAsDecommissioned() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());
        apply(ericSetsTheDefaultVpc(US_VPC, null, 7));
        apply(new ResourceDecommissioned(ACME, SI, US_VPC, SI_STAGING, by("olivia", 8)));

        consumption(ECOMM_STAGING, "dev-ecomm")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "9"))
                .andExpect(jsonPath("$.defaults", hasSize(1)))
                .andExpect(jsonPath("$.defaults[0].resource.id").value(US_VPC.toString()))
                .andExpect(jsonPath("$.defaults[0].resource.status").value("decommissioned"));
    }

    @Test
    void aRevokedShareGoesAndTheViewStaysWhole() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());
        apply(ericSetsTheDefaultVpc(US_VPC, null, 7));
        apply(opsSharesTheEuVpcWithEcommerce(8));
        apply(ericSetsTheDefaultVpc(EU_VPC, US_VPC, 10));
        apply(new ResourceShareRevoked(ACME, SI, US_VPC, ECOMM, by("olivia", 11)));

        consumption(ECOMM_STAGING, "dev-ecomm")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "12"))
                .andExpect(jsonPath("$.defaults", hasSize(1)))
                .andExpect(jsonPath("$.defaults[0].resource.id").value(EU_VPC.toString()));
        assertThat(jdbc.sql("select resource from resource_share where organization = 'acme' order by resource")
                .query(String.class).list())
                .containsExactly(EU_VPC.toString());
    }

    @Test
    void aDeletedEnvironmentIsNotFoundAndSaysWhenItWasDeleted() throws Exception {
        apply(everyKindOfEvent());

        consumption(ECOMM_PR42, "dev-ecomm")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/not-found"))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail")
                        .value("Environment 'ecomm-pr42' was deleted at 2026-11-23T10:15:50.123456Z by eric."))
                .andExpect(jsonPath("$.deletedAt").value(second(20).toString()));
        // the row stays for the history: the fork it came from is still known
        assertThat(environments.find(ACME, ECOMM_PR42)).hasValueSatisfying(preview -> {
            assertThat(preview.forkOf()).isEqualTo(ECOMM_STAGING);
            assertThat(preview.deleted().at()).isEqualTo(second(20));
        });
    }

    /** The copies of a fork's defaults and references are events of their own; the fork itself copies nothing. */
    @Test
    void aForkConsumesOnlyWhatItsOwnEventsGiveIt() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());
        apply(ericSetsTheDefaultVpc(US_VPC, null, 7));
        apply(new EnvironmentCreated(ACME, ECOMM, ECOMM_PR42, "PR 42", Map.of("tier", "preview"), ECOMM_STAGING,
                by("eric", 8)));

        consumption(ECOMM_PR42, "dev-ecomm")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.environment").value("ecomm-pr42"))
                .andExpect(jsonPath("$.defaults", hasSize(0)));

        apply(new EnvironmentDefaultSet(ACME, ECOMM, ECOMM_PR42, AWS_VPC, US_VPC, SI, null, by("eric", 9)));

        consumption(ECOMM_PR42, "dev-ecomm")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "10"))
                .andExpect(jsonPath("$.defaults", hasSize(1)))
                .andExpect(jsonPath("$.defaults[0].resource.id").value(US_VPC.toString()));
        assertThat(environments.find(ACME, ECOMM_PR42)).hasValueSatisfying(preview ->
                assertThat(preview.forkOf()).isEqualTo(ECOMM_STAGING));
    }

    @Test
    void everyEventOfEveryTypeTakesAPosition() throws Exception {
        List<InfrashareEvent> story = everyKindOfEvent();
        apply(story);

        consumption(ECOMM_STAGING, "dev-ecomm")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", Integer.toString(story.size())))
                .andExpect(jsonPath("$.defaults", hasSize(2)))
                .andExpect(jsonPath("$.defaults[0].type").value("aws-iam-role"))
                .andExpect(jsonPath("$.defaults[0].resource.origin").value("imported"))
                .andExpect(jsonPath("$.defaults[1].type").value("aws-vpc"))
                .andExpect(jsonPath("$.defaults[1].resource.id").value(EU_VPC.toString()))
                .andExpect(jsonPath("$.defaults[1].resource.attributes.cidr").value("10.1.0.0/16"))
                .andExpect(jsonPath("$.remoteReferences", hasSize(0)));
        assertThat(story).extracting(InfrashareEvent::eventType).containsAll(EventTypes.all().keySet());
        assertThat(jdbc.sql("select count(*) from applied_event where organization = 'acme'")
                .query(Long.class).single())
                .isEqualTo(story.size());
        assertThat(jdbc.sql("select defaultable from resource_type where organization = 'acme' and type = :type")
                .param("type", "spark-cluster")
                .query(Boolean.class).single())
                .isTrue();
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() throws Exception {
        List<InfrashareEvent> story = opsSharesTheUsVpcWithEcommerce();
        apply(story);
        var setDefault = new IncomingEvent("default-of-ecomm-staging", ericSetsTheDefaultVpc(US_VPC, null, 7));
        assertThat(projector.apply(setDefault)).hasValueSatisfying(applied -> assertThat(applied.position()).isEqualTo(8));

        assertThat(projector.apply(setDefault)).isEmpty();
        assertThat(projector.apply(new IncomingEvent("event-1", story.get(0)))).isEmpty();

        consumption(ECOMM_STAGING, "dev-ecomm")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "8"))
                .andExpect(jsonPath("$.defaults", hasSize(1)))
                .andExpect(jsonPath("$.defaults[0].resource.id").value(US_VPC.toString()));
    }

    @Test
    void anEnvironmentWithoutDefaultsConsumesNothing() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());

        consumption(SI_STAGING, "dev-ops")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "7"))
                .andExpect(jsonPath("$.environment").value("si-staging"))
                .andExpect(jsonPath("$.project").value("si"))
                .andExpect(jsonPath("$.defaults", hasSize(0)))
                .andExpect(jsonPath("$.remoteReferences", hasSize(0)));
    }

    @Test
    void eachOrganizationHasItsOwnPosition() throws Exception {
        OrganizationId globex = OrganizationId.of("globex");
        ProjectId net = ProjectId.of("net");
        apply(opsSharesTheUsVpcWithEcommerce());
        apply(new ProjectCreated(globex, net, "Network", "ops", by("gus", 20)),
                new EnvironmentCreated(globex, net, EnvironmentId.of(net, "prod"), "Production", Map.of(), null,
                        by("gus", 21)));

        consumption(EnvironmentId.of(net, "prod"), "dev-globex")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "2"));
        consumption(SI_STAGING, "dev-admin")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "7"));
    }

    @Test
    void aPollOfSeveralOrganizationsIsAppliedTogetherEachEventOnceAtItsOrganizationsNextPosition() throws Exception {
        OrganizationId globex = OrganizationId.of("globex");
        ProjectId net = ProjectId.of("net");
        List<InfrashareEvent> story = opsSharesTheUsVpcWithEcommerce();
        apply(story.get(0));
        var globexProject = new IncomingEvent("globex-1", new ProjectCreated(globex, net, "Network", "ops",
                by("gus", 20)));
        var setDefault = new IncomingEvent("default-of-ecomm-staging", ericSetsTheDefaultVpc(US_VPC, null, 7));
        List<IncomingEvent> poll = new ArrayList<>();
        poll.add(new IncomingEvent("event-1", story.get(0))); // applied before: skipped
        for (int i = 1; i < story.size(); i++) {
            poll.add(new IncomingEvent("event-" + (i + 1), story.get(i)));
            if (i == 3) {
                poll.add(globexProject);
            }
        }
        poll.add(globexProject); // delivered twice in one poll: applied once
        poll.add(setDefault);

        assertThat(projector.applyAll(poll)).isEqualTo(story.size() - 1 + 2);

        assertThat(jdbc.sql("select organization, position, event_id from applied_event order by organization, position")
                .query((row, n) -> row.getString(1) + "#" + row.getLong(2) + " " + row.getString(3)).list())
                .containsExactly("acme#1 event-1", "acme#2 event-2", "acme#3 event-3", "acme#4 event-4",
                        "acme#5 event-5", "acme#6 event-6", "acme#7 event-7", "acme#8 default-of-ecomm-staging",
                        "globex#1 globex-1");
        assertThat(jdbc.sql("select organization, position, event_id from audit_entry order by organization, position")
                .query((row, n) -> row.getString(1) + "#" + row.getLong(2) + " " + row.getString(3)).list())
                .hasSize(9).contains("acme#8 default-of-ecomm-staging", "globex#1 globex-1");
        consumption(ECOMM_STAGING, "dev-ecomm")
                .andExpect(status().isOk())
                .andExpect(header().string("X-Projection-Position", "8"))
                .andExpect(jsonPath("$.defaults[0].resource.id").value(US_VPC.toString()));
    }

    @Test
    void anEventAppliedEarlierInTheSameTransactionIsSkippedToo() {
        List<InfrashareEvent> story = opsSharesTheUsVpcWithEcommerce();
        var first = new IncomingEvent("event-1", story.get(0));

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            assertThat(projector.apply(first)).isPresent();
            assertThat(projector.apply(first)).isEmpty();
        });

        assertThat(jdbc.sql("select count(*) from applied_event").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anotherOrganizationsEnvironmentIsNotFound() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());
        apply(ericSetsTheDefaultVpc(US_VPC, null, 7));

        consumption(ECOMM_STAGING, "dev-globex")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/not-found"))
                .andExpect(jsonPath("$.status").value(404));
    }

    @Test
    void anEnvironmentThatDoesNotExistIsNotFound() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());

        consumption(EnvironmentId.of("ecomm-prod"), "dev-ecomm")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("/problems/not-found"));
    }

    @Test
    void anEnvironmentIdOfTheWrongShapeIsABadRequest() throws Exception {
        consumption(EnvironmentId.of("Ecomm_Staging"), "dev-ecomm")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("environment"));
    }

    @Test
    void aCallerWithoutAKnownTokenIsUnauthenticated() throws Exception {
        apply(opsSharesTheUsVpcWithEcommerce());

        http.perform(get("/environments/{environment}/consumption", SI_STAGING.value()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("/problems/unauthenticated"));
        consumption(SI_STAGING, "not-a-token")
                .andExpect(status().isUnauthorized());
    }

    private void apply(List<InfrashareEvent> events) {
        events.forEach(this::apply);
    }

    private void apply(InfrashareEvent... events) {
        for (InfrashareEvent event : events) {
            projector.apply(new IncomingEvent("event-" + ++nextId, event));
        }
    }

    private ResultActions consumption(EnvironmentId environment, String token) throws Exception {
        return http.perform(get("/environments/{environment}/consumption", environment.value())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }
}

package io.infrashare.command.history;

import io.infrashare.command.catalog.CatalogRebuild;
import io.infrashare.command.project.AddPackageCommand;
import io.infrashare.command.project.CreateEnvironmentCommand;
import io.infrashare.command.project.CreateProjectCommand;
import io.infrashare.command.project.ProjectKey;
import io.infrashare.command.project.RefusalCode;
import io.infrashare.events.EventSchemas;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceType;
import io.infrashare.events.Upcaster;
import io.infrashare.events.Upcasters;
import io.infrashare.testing.WithPostgres;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.convention.TestBean;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.infrashare.command.history.Callers.ACME;
import static io.infrashare.command.history.Callers.ERIC;
import static io.infrashare.command.history.Callers.OLIVIA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows the store holds from before a breaking change stay readable: here {@code ProjectCreated} gets a synthetic
 * revision after its current one, whose predecessor called the owner team {@code team}. Projects stored in the
 * predecessor, or before revisions were recorded at all, are loaded through the upcasters, take commands and decide on
 * the upcast state; new events are stored in the synthetic revision and read as they are. The catalog is rebuilt
 * from them through the same upcasters.
 */
@SpringBootTest(properties = "infrashare.publication.enabled=false")
@WithPostgres
class StoredHistoryUpcastingIT {

    private static final String PROJECT_CREATED = "ProjectCreated";
    /** The revision the contract writes, which the synthetic one follows. */
    private static final int CURRENT = EventSchemas.currentRevision(PROJECT_CREATED);
    private static final String PACKAGE_ADDED_REVISION = String.valueOf(EventSchemas.currentRevision("PackageAdded"));

    @TestBean(name = "revisionResolver")
    SchemaRevisions revisions;
    @TestBean(name = "storedEventUpcaster")
    StoredEventUpcaster upcaster;

    @Autowired
    CommandGateway commands;
    @Autowired
    Cache projectCache;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CatalogRebuild rebuild;

    static SchemaRevisions revisions() {
        return new SchemaRevisions(type -> type.equals(PROJECT_CREATED) ? CURRENT + 1 : EventSchemas.currentRevision(type));
    }

    static StoredEventUpcaster upcaster() {
        // the synthetic breaking step: the current revision called the owner team "team"
        Upcaster ownerTeamRenamed = Upcaster.of(PROJECT_CREATED, CURRENT, data -> {
            data.set("ownerTeam", data.remove("team"));
            return data;
        });
        return new StoredEventUpcaster(new Upcasters(List.of(ownerTeamRenamed)), revisions());
    }

    @Test
    void projectsStoredInTheOldRevisionAreUpcastWhenLoadedAndTakeCommands() {
        ProjectKey unrecorded = stored("pre", null);
        ProjectKey first = stored("one", String.valueOf(CURRENT));

        commands.sendAndWait(new AddPackageCommand(unrecorded, PackageId.of("vpc"), "aws-vpc",
                ResourceType.of("aws-vpc"), OLIVIA));
        assertThat(refusal(new CreateEnvironmentCommand(unrecorded, "staging", "Staging", Map.of(), null, OLIVIA)))
                .isEqualTo(RefusalCode.ALREADY_EXISTS);
        assertThat(refusal(new AddPackageCommand(first, PackageId.of("vpc"), "aws-vpc", ResourceType.of("aws-vpc"),
                ERIC))).as("the owner team read through the upcaster decides").isEqualTo(RefusalCode.FORBIDDEN);
        commands.sendAndWait(new AddPackageCommand(first, PackageId.of("vpc"), "aws-vpc", ResourceType.of("aws-vpc"),
                OLIVIA));

        assertThat(row(unrecorded, 0)).as("the history is never rewritten").isEqualTo(new Row(null,
                "io.infrashare.events.ProjectCreated", true));
        assertThat(row(unrecorded, 2).revision()).isEqualTo(PACKAGE_ADDED_REVISION);
    }

    @Test
    void eventsOfTheNewRevisionAreStoredUnderItAndReadAsTheyAre() {
        ProjectKey project = ProjectKey.of(ACME, ProjectId.of("two"));
        commands.sendAndWait(new CreateProjectCommand(project, "Two", "ops", OLIVIA));
        commands.sendAndWait(new AddPackageCommand(project, PackageId.of("vpc"), "aws-vpc",
                ResourceType.of("aws-vpc"), OLIVIA));

        assertThat(row(project, 0)).isEqualTo(new Row(String.valueOf(CURRENT + 1), "io.infrashare.events.ProjectCreated", false));
        assertThat(row(project, 1)).isEqualTo(new Row(PACKAGE_ADDED_REVISION, "io.infrashare.events.PackageAdded", false));
        projectCache.removeAll();

        commands.sendAndWait(new AddPackageCommand(project, PackageId.of("k8s"), "aws-eks-cluster",
                ResourceType.of("kubernetes-cluster"), OLIVIA));
        assertThat(refusal(new AddPackageCommand(project, PackageId.of("db"), "aws-rds", ResourceType.of("postgresql"),
                ERIC))).isEqualTo(RefusalCode.FORBIDDEN);
    }

    @Test
    void theCatalogIsRebuiltFromTheOldRevisionThroughTheUpcasters() {
        stored("cat", null);

        CatalogRebuild.Outcome outcome = rebuild.rebuild();

        assertThat(outcome.missing()).as("the project, read with its owner team as the upcaster names it")
                .contains("project_catalog{organization=acme, owner_team=ops, project=cat}");
        assertThat(jdbc.sql("SELECT owner_team FROM project_catalog WHERE project = 'cat'").query(String.class)
                .single()).isEqualTo("ops");
    }

    /** A project and an environment of it as an earlier build stored them, under {@code revision}. */
    private ProjectKey stored(String abbreviation, String revision) {
        ProjectKey project = ProjectKey.of(ACME, ProjectId.of(abbreviation));
        String provenance = "\"provenance\":{\"actor\":\"olivia\",\"reason\":null,"
                + "\"occurredAt\":\"2026-01-05T10:00:00.123456Z\",\"correlationId\":\"before\"}";
        insert(project, 0, revision, "io.infrashare.events.ProjectCreated", "{\"organization\":\"acme\",\"project\":\""
                + abbreviation + "\",\"name\":\"Before\",\"team\":\"ops\"," + provenance + "}");
        insert(project, 1, revision, "io.infrashare.events.EnvironmentCreated", "{\"organization\":\"acme\","
                + "\"project\":\"" + abbreviation + "\",\"environment\":\"" + abbreviation + "-staging\","
                + "\"name\":\"Staging\",\"labels\":{},\"forkOf\":null," + provenance + "}");
        return project;
    }

    private void insert(ProjectKey project, long sequence, String revision, String payloadType, String payload) {
        jdbc.sql("INSERT INTO DomainEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier,"
                        + " metaData, payload, payloadRevision, payloadType, timeStamp)"
                        + " VALUES (?, ?, 'Project', ?, ?, ?, ?, ?, ?)")
                .params(project.toString(), sequence, UUID.randomUUID().toString(),
                        "{}".getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8), revision,
                        payloadType, "2026-01-05T10:00:00.123Z")
                .update();
    }

    private Row row(ProjectKey project, long sequence) {
        return jdbc.sql("SELECT payloadRevision, payloadType, payload FROM DomainEventEntry"
                        + " WHERE aggregateIdentifier = ? AND sequenceNumber = ?")
                .params(project.toString(), sequence)
                .query((result, n) -> new Row(result.getString(1), result.getString(2),
                        new String(result.getBytes(3), StandardCharsets.UTF_8).contains("\"team\":")))
                .single();
    }

    private record Row(String revision, String payloadType, boolean namesTheOldField) {
    }

    private RefusalCode refusal(Object command) {
        return Callers.refusal(commands, command);
    }
}

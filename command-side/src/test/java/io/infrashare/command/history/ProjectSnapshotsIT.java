package io.infrashare.command.history;

import io.infrashare.command.project.AddPackageCommand;
import io.infrashare.command.project.CreateEnvironmentCommand;
import io.infrashare.command.project.CreateProjectCommand;
import io.infrashare.command.project.DecommissionResourceCommand;
import io.infrashare.command.project.DeleteEnvironmentCommand;
import io.infrashare.command.project.ImportResourceCommand;
import io.infrashare.command.project.ProjectKey;
import io.infrashare.command.project.ReconfigureResourceCommand;
import io.infrashare.command.project.RefusalCode;
import io.infrashare.command.project.ResourceDescription;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceType;
import io.infrashare.testing.WithPostgres;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.infrashare.command.history.Callers.ACME;
import static io.infrashare.command.history.Callers.ERIC;
import static io.infrashare.command.history.Callers.OLIVIA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A project with more events than the snapshot threshold is stored as a snapshot; taken out of the cache, as after a
 * restart, it is loaded from that snapshot and the events after it and decides as it did. A snapshot taken under
 * other revisions is ignored and the project is rebuilt from its events.
 */
@SpringBootTest(properties = {"infrashare.publication.enabled=false",
        "infrashare.commands.snapshot-threshold=" + ProjectSnapshotsIT.THRESHOLD})
@WithPostgres
class ProjectSnapshotsIT {

    static final int THRESHOLD = 10;

    private static final PackageId VPC = PackageId.of("vpc");
    private static final PackageId K8S = PackageId.of("k8s");

    @Autowired
    CommandGateway commands;
    @Autowired
    Cache projectCache;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SchemaRevisions revisions;

    @Test
    void aProjectLoadedFromItsSnapshotAndTheEventsAfterItDecidesAsBefore() {
        ProjectKey project = ProjectKey.of(ACME, ProjectId.of("snap"));
        commands.sendAndWait(new CreateProjectCommand(project, "Snapshots", "ops", OLIVIA));
        commands.sendAndWait(new AddPackageCommand(project, VPC, "aws-vpc", ResourceType.of("aws-vpc"), OLIVIA));
        ResourceId gone = imported(project, "old db");
        ResourceId kept = imported(project, "billing db");
        commands.sendAndWait(new DecommissionResourceCommand(project, gone, OLIVIA));
        for (int preview = 1; preview <= 4; preview++) {
            environment(project, "pr" + preview);
            commands.sendAndWait(new DeleteEnvironmentCommand(project, EnvironmentId.of("snap-pr" + preview), OLIVIA));
        }
        assertThat(events(project)).isGreaterThan(THRESHOLD);
        await().atMost(Duration.ofSeconds(30)).until(() -> snapshots(project) > 0);
        long snapshotAt = jdbc.sql("SELECT max(sequenceNumber) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?")
                .param(project.toString()).query(Long.class).single();
        assertThat(snapshotRevisions(project)).containsOnly(revisions.snapshotRevision());

        commands.sendAndWait(new AddPackageCommand(project, K8S, "aws-eks-cluster",
                ResourceType.of("kubernetes-cluster"), OLIVIA));
        environment(project, "pr5");
        commands.sendAndWait(new DeleteEnvironmentCommand(project, EnvironmentId.of("snap-pr5"), OLIVIA));
        assertThat(events(project) - 1).as("events after the snapshot").isGreaterThan(snapshotAt);
        projectCache.removeAll();

        // state from before the snapshot
        assertThat(refusal(new CreateEnvironmentCommand(project, "pr1", "again", Map.of(), null, OLIVIA)))
                .isEqualTo(RefusalCode.ALREADY_EXISTS);
        assertThat(refusal(new AddPackageCommand(project, VPC, "aws-vpc", ResourceType.of("aws-vpc"), OLIVIA)))
                .isEqualTo(RefusalCode.ALREADY_EXISTS);
        assertThat(refusal(new ReconfigureResourceCommand(project, gone, Map.of("tier", "gold"), OLIVIA)))
                .isEqualTo(RefusalCode.RESOURCE_DECOMMISSIONED);
        assertThat(refusal(new CreateEnvironmentCommand(project, "pr9", "Preview", Map.of(), null, ERIC)))
                .isEqualTo(RefusalCode.FORBIDDEN);
        // state from after it
        assertThat(refusal(new CreateEnvironmentCommand(project, "pr5", "again", Map.of(), null, OLIVIA)))
                .isEqualTo(RefusalCode.ALREADY_EXISTS);
        assertThat(refusal(new AddPackageCommand(project, K8S, "aws-eks-cluster",
                ResourceType.of("kubernetes-cluster"), OLIVIA))).isEqualTo(RefusalCode.ALREADY_EXISTS);
        // and what may be done still is
        ResourceDescription reconfigured = commands.sendAndWait(
                new ReconfigureResourceCommand(project, kept, Map.of("tier", "gold"), OLIVIA));
        assertThat(reconfigured.attributes()).containsEntry("engine", "postgres").containsEntry("tier", "gold");
        assertThat(environment(project, "pr6")).isEqualTo(EnvironmentId.of("snap-pr6"));
    }

    @Test
    void aSnapshotTakenUnderOtherRevisionsIsIgnoredAndTheProjectRebuiltFromItsEvents() {
        ProjectKey project = ProjectKey.of(ACME, ProjectId.of("stale"));
        commands.sendAndWait(new CreateProjectCommand(project, "Stale", "ops", OLIVIA));
        for (int preview = 1; preview <= THRESHOLD; preview++) {
            environment(project, "pr" + preview);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> snapshots(project) > 0);
        // the snapshot as another state would have left it: owned by a team nobody here is in
        jdbc.sql("UPDATE SnapshotEventEntry SET payload = ? WHERE aggregateIdentifier = ?")
                .param(snapshotPayload(project).replace("\"ownerTeam\":\"ops\"", "\"ownerTeam\":\"nobody\"")
                        .getBytes(StandardCharsets.UTF_8))
                .param(project.toString())
                .update();
        projectCache.removeAll();
        assertThat(refusal(new CreateEnvironmentCommand(project, "next", "Next", Map.of(), null, OLIVIA)))
                .as("the snapshot of the current revision is what a load reads")
                .isEqualTo(RefusalCode.FORBIDDEN);

        // as a build stored it in which EnvironmentCreated was a revision behind
        String before = new SchemaRevisions(
                type -> revisions.current(type) - (type.equals("EnvironmentCreated") ? 1 : 0)).snapshotRevision();
        assertThat(before).isNotEqualTo(revisions.snapshotRevision());
        jdbc.sql("UPDATE SnapshotEventEntry SET payloadRevision = ? WHERE aggregateIdentifier = ?")
                .param(before)
                .param(project.toString())
                .update();
        projectCache.removeAll();

        assertThat(environment(project, "next")).isEqualTo(EnvironmentId.of("stale-next"));
        assertThat(refusal(new CreateEnvironmentCommand(project, "pr1", "again", Map.of(), null, OLIVIA)))
                .isEqualTo(RefusalCode.ALREADY_EXISTS);
    }

    private EnvironmentId environment(ProjectKey project, String abbreviation) {
        return commands.sendAndWait(new CreateEnvironmentCommand(project, abbreviation, "Preview", Map.of(), null,
                OLIVIA));
    }

    private ResourceId imported(ProjectKey project, String name) {
        ResourceId id = ResourceId.of(UUID.randomUUID());
        commands.sendAndWait(new ImportResourceCommand(project, id, ResourceType.of("postgresql"), name,
                Map.of("engine", "postgres", "port", 5432), OLIVIA));
        return id;
    }

    private long events(ProjectKey project) {
        return jdbc.sql("SELECT count(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?")
                .param(project.toString()).query(Long.class).single();
    }

    private long snapshots(ProjectKey project) {
        return jdbc.sql("SELECT count(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?")
                .param(project.toString()).query(Long.class).single();
    }

    private List<String> snapshotRevisions(ProjectKey project) {
        return jdbc.sql("SELECT payloadRevision FROM SnapshotEventEntry WHERE aggregateIdentifier = ?")
                .param(project.toString()).query(String.class).list();
    }

    private String snapshotPayload(ProjectKey project) {
        return new String(jdbc.sql("SELECT payload FROM SnapshotEventEntry WHERE aggregateIdentifier = ?")
                .param(project.toString()).query(byte[].class).single(), StandardCharsets.UTF_8);
    }

    private RefusalCode refusal(Object command) {
        return Callers.refusal(commands, command);
    }
}

package io.infrashare.query.graph;

import io.infrashare.events.EnvironmentCreated;
import io.infrashare.events.EnvironmentDefaultSet;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.InfrashareEvent;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.PackageAdded;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectCreated;
import io.infrashare.events.ProjectId;
import io.infrashare.events.Provenance;
import io.infrashare.events.RemoteReferenceAdded;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceProvisioned;
import io.infrashare.events.ResourceReconfigured;
import io.infrashare.events.ResourceShared;
import io.infrashare.events.ResourceType;
import io.infrashare.query.ingest.IncomingEvent;
import io.infrashare.query.ingest.Projector;
import io.infrashare.testing.WithPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Not a test: prints how long the whole graph of an organization of 2,000 projects, 10,000 environments and 20,000
 * resources takes as JSON, now and as of an instant in the middle of its history, through the whole HTTP stack of the
 * query side (MockMvc, security included). Each project has five environments, each provisioning a VPC and a cluster;
 * each project shares its first VPC and cluster with the two projects after it, whose environments take the VPC as
 * default and reference the cluster; then every resource is reconfigured once, so the history has closed intervals.
 * Its name keeps it out of {@code ./mvnw verify}: run it with {@code -Dtest=GraphBenchmark}.
 */
@SpringBootTest(properties = {
        "spring.kafka.listener.auto-startup=false"})
@WithPostgres
@AutoConfigureMockMvc
class GraphBenchmark {

    private static final OrganizationId ORGANIZATION = OrganizationId.of("acme");
    private static final int PROJECTS = 2_000;
    private static final int ENVIRONMENTS = 5;
    private static final int QUERIES = Integer.getInteger("benchmark.queries", 10);
    private static final ResourceType VPC = ResourceType.of("aws-vpc");
    private static final ResourceType CLUSTER = ResourceType.of("kubernetes-cluster");
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    Projector projector;
    @Autowired
    MockMvc http;

    private final List<InfrashareEvent> history = new ArrayList<>();

    @Test
    void wholeOrganizationGraph() throws Exception {
        tellTheHistory();
        List<IncomingEvent> batch = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            batch.add(new IncomingEvent("graph-benchmark-" + i, history.get(i)));
            if (batch.size() == 1_000 || i == history.size() - 1) {
                projector.applyAll(batch);
                batch.clear();
            }
        }
        Instant middle = START.plusSeconds(history.size() / 2);
        measure("now", get("/graph"));
        measure("at " + middle, get("/graph").param("at", middle.toString()));
    }

    private void measure(String what, MockHttpServletRequestBuilder request) throws Exception {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer dev-ops");
        int bytes = 0;
        for (int i = 0; i < 3; i++) {
            bytes = http.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsByteArray().length;
        }
        long[] nanos = new long[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            long start = System.nanoTime();
            http.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("graph %s: %d projects, %d environments, %d resources, %d events; %d bytes of JSON; "
                        + "%d queries: p50 %.0f ms, max %.0f ms (MockMvc)%n", what, PROJECTS, PROJECTS * ENVIRONMENTS,
                PROJECTS * ENVIRONMENTS * 2, history.size(), bytes, QUERIES, nanos[QUERIES / 2] / 1e6,
                nanos[QUERIES - 1] / 1e6);
    }

    private void tellTheHistory() {
        for (int p = 0; p < PROJECTS; p++) {
            ProjectId project = ProjectId.of("p" + p);
            tell(new ProjectCreated(ORGANIZATION, project, "Project " + p, "ops", by()));
            tell(new PackageAdded(ORGANIZATION, project, PackageId.of("vpc"), "aws-vpc", VPC, by()));
            tell(new PackageAdded(ORGANIZATION, project, PackageId.of("k8s"), "aws-eks-cluster", CLUSTER, by()));
            tell(new PackageAdded(ORGANIZATION, project, PackageId.of("shared"), "aws-eks-cluster", CLUSTER, by()));
            for (int e = 0; e < ENVIRONMENTS; e++) {
                EnvironmentId environment = EnvironmentId.of(project, "env" + e);
                tell(new EnvironmentCreated(ORGANIZATION, project, environment, "Environment " + e,
                        Map.of("tier", "t" + e), e == 0 ? null : EnvironmentId.of(project, "env0"), by()));
                tell(new ResourceProvisioned(ORGANIZATION, project, resource(p, e, VPC), environment,
                        PackageId.of("vpc"), VPC, "VPC " + p + "/" + e, Map.of("region", "eu-west-1"), by()));
                tell(new ResourceProvisioned(ORGANIZATION, project, resource(p, e, CLUSTER), environment,
                        PackageId.of("k8s"), CLUSTER, "Cluster " + p + "/" + e, Map.of("version", "1.31"), by()));
            }
            for (int before = 1; before <= 2 && p - before >= 0; before++) {
                ProjectId owner = ProjectId.of("p" + (p - before));
                tell(new ResourceShared(ORGANIZATION, owner, resource(p - before, 0, VPC), project, by()));
                tell(new ResourceShared(ORGANIZATION, owner, resource(p - before, 0, CLUSTER), project, by()));
            }
            if (p > 0) {
                for (int e = 0; e < ENVIRONMENTS; e++) {
                    EnvironmentId environment = EnvironmentId.of(project, "env" + e);
                    ProjectId owner = ProjectId.of("p" + (p - 1));
                    tell(new EnvironmentDefaultSet(ORGANIZATION, project, environment, VPC, resource(p - 1, 0, VPC),
                            owner, null, by()));
                    tell(new RemoteReferenceAdded(ORGANIZATION, project, environment, PackageId.of("shared"),
                            resource(p - 1, 0, CLUSTER), owner, null, by()));
                }
            }
        }
        for (int p = 0; p < PROJECTS; p++) {
            for (int e = 0; e < ENVIRONMENTS; e++) {
                for (ResourceType type : List.of(VPC, CLUSTER)) {
                    tell(new ResourceReconfigured(ORGANIZATION, ProjectId.of("p" + p), resource(p, e, type),
                            Map.of("note", "reconfigured"), Set.of(), by()));
                }
            }
        }
    }

    private void tell(InfrashareEvent event) {
        history.add(event);
    }

    /** Every event a second after the one before. */
    private Provenance by() {
        return new Provenance("olivia", null, START.plusSeconds(history.size()), "benchmark-" + history.size());
    }

    private static ResourceId resource(int project, int environment, ResourceType type) {
        return ResourceId.of(new UUID(project, environment * 2L + (type.equals(VPC) ? 0 : 1)));
    }
}

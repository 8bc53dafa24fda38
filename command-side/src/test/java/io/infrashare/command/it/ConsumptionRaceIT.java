package io.infrashare.command.it;

import io.infrashare.events.EnvironmentDefaultCleared;
import io.infrashare.events.EnvironmentDefaultSet;
import io.infrashare.events.EnvironmentDeleted;
import io.infrashare.events.ProjectId;
import io.infrashare.events.RemoteReferenceAdded;
import io.infrashare.events.RemoteReferenceRemoved;
import io.infrashare.events.ResourceDecommissioned;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceImported;
import io.infrashare.events.ResourceProvisioned;
import io.infrashare.events.ResourceShareRevoked;
import io.infrashare.events.ResourceShared;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import io.infrashare.testing.WithKafka;
import io.infrashare.testing.WithPostgres;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules 2 and 5 span two projects: the consumer takes a resource while its owner revokes the share or decommissions
 * it. Round after round, both happen at the same instant from several threads against a real PostgreSQL; every
 * answer must be a success or a 409, and afterwards nothing may consume a revoked or decommissioned resource, in the
 * catalog or anywhere in the event history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithPostgres
@WithKafka
class ConsumptionRaceIT {

    private static final int ROUNDS = Integer.getInteger("infrashare.race.rounds", 200);

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    JdbcClient jdbc;

    @Test
    void nothingEverConsumesARevokedOrDecommissionedResourceWhateverTheInterleaving() throws Exception {
        Api http = Api.localhost(port);
        created(http.as("dev-ops").post("/projects", "{\"name\":\"Race Infra\",\"abbreviation\":\"race\",\"ownerTeam\":\"ops\"}"));
        created(http.as("dev-ecomm").post("/projects", "{\"name\":\"Racers\",\"abbreviation\":\"racers\",\"ownerTeam\":\"ecommerce\"}"));
        created(http.as("dev-ecomm").post("/projects/racers/packages",
                "{\"name\":\"k8s\",\"bundle\":\"aws-eks-cluster\",\"resourceType\":\"kubernetes-cluster\"}"));

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String vpc = imported(http, "aws-vpc", "vpc " + round);
                String eks = imported(http, "kubernetes-cluster", "eks " + round);
                assertThat(http.as("dev-ops").put("/resources/" + vpc + "/shares/racers", null).status()).isEqualTo(200);
                assertThat(http.as("dev-ops").put("/resources/" + eks + "/shares/racers", null).status()).isEqualTo(200);
                String first = "a" + round;
                String second = "b" + round;
                created(http.as("dev-ecomm").post("/projects/racers/environments",
                        "{\"name\":\"A\",\"abbreviation\":\"" + first + "\"}"));
                created(http.as("dev-ecomm").post("/projects/racers/environments",
                        "{\"name\":\"B\",\"abbreviation\":\"" + second + "\"}"));

                CountDownLatch start = new CountDownLatch(1);
                List<Callable<Integer>> racers = List.of(
                        () -> http.as("dev-ecomm").put("/environments/racers-" + first + "/defaults/aws-vpc",
                                "{\"resource\":\"" + vpc + "\"}").status(),
                        () -> http.as("dev-ecomm").put("/environments/racers-" + second + "/defaults/aws-vpc",
                                "{\"resource\":\"" + vpc + "\"}").status(),
                        () -> http.as("dev-ecomm").put("/environments/racers-" + first + "/remote-references/k8s",
                                "{\"resource\":\"" + eks + "\"}").status(),
                        () -> http.as("dev-ops").delete("/resources/" + vpc + "/shares/racers").status(),
                        () -> http.as("dev-ops").post("/resources/" + eks + "/decommission", null).status(),
                        () -> http.as("dev-ops").post("/resources/" + vpc + "/decommission", null).status());
                List<Future<Integer>> answers = new ArrayList<>();
                for (Callable<Integer> racer : racers) {
                    answers.add(threads.submit(() -> {
                        start.await();
                        return racer.call();
                    }));
                }
                start.countDown();
                for (Future<Integer> answer : answers) {
                    int status = answer.get(60, TimeUnit.SECONDS);
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
            }
        } finally {
            threads.shutdownNow();
        }

        System.out.printf("consumption race: %d rounds, answers by status %s%n", ROUNDS, statuses);
        assertThat(statuses.keySet()).as("every answer is a success or a lost race")
                .allMatch(status -> status == 200 || status == 409);
        assertThat(statuses).as("the races were real: both sides won sometimes").containsKeys(200, 409);

        History history = History.replay(eventStore);
        assertThat(history.violations).as("decisions the event history shows against rules 2 and 5").isEmpty();
        assertThat(history.consumersOfRetired()).as("consumers of revoked or decommissioned resources").isEmpty();
        assertThat(catalogConsumers()).as("the catalog agrees with the history").isEqualTo(history.consumers());
    }

    private Map<String, String> catalogConsumers() {
        Map<String, String> consumers = new HashMap<>();
        jdbc.sql("SELECT environment, via, slot, resource_id FROM consumption WHERE organization = 'acme'")
                .query((row, n) -> consumers.put(row.getString("environment") + "/" + row.getString("via") + "/"
                        + row.getString("slot"), row.getString("resource_id")))
                .list();
        return consumers;
    }

    private static String imported(Api http, String type, String name) {
        Answer answer = http.as("dev-ops").post("/projects/race/resources",
                "{\"type\":\"" + type + "\",\"name\":\"" + name + "\"}");
        assertThat(answer.status()).isEqualTo(201);
        return answer.text("id");
    }

    private static void created(Answer answer) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
    }

    /** The organization's history replayed in the order it was stored, checking each decision as it was taken. */
    private static final class History {

        private final Map<String, ResourceId> consuming = new HashMap<>();
        private final Map<String, ProjectId> consumerProject = new HashMap<>();
        private final Map<ResourceId, ProjectId> owner = new HashMap<>();
        private final Set<ResourceId> imported = new HashSet<>();
        private final Set<ResourceId> decommissioned = new HashSet<>();
        private final Map<ResourceId, Set<ProjectId>> shares = new HashMap<>();
        private final List<String> violations = new ArrayList<>();

        static History replay(EventStore eventStore) throws InterruptedException {
            History history = new History();
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
                while (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                    history.apply(stream.nextAvailable().getPayload());
                }
            }
            return history;
        }

        private void apply(Object event) {
            if (event instanceof ResourceImported e) {
                owner.put(e.resource(), e.project());
                imported.add(e.resource());
            } else if (event instanceof ResourceProvisioned e) {
                owner.put(e.resource(), e.project());
            } else if (event instanceof ResourceShared e) {
                shares.computeIfAbsent(e.resource(), r -> new HashSet<>()).add(e.sharedWith());
            } else if (event instanceof ResourceShareRevoked e) {
                consuming.forEach((slot, resource) -> {
                    if (resource.equals(e.resource()) && consumerProject.get(slot).equals(e.sharedWith())) {
                        violations.add("share of " + resource + " revoked while " + slot + " consumed it");
                    }
                });
                shares.get(e.resource()).remove(e.sharedWith());
            } else if (event instanceof ResourceDecommissioned e) {
                consuming.forEach((slot, resource) -> {
                    if (resource.equals(e.resource())) {
                        violations.add(resource + " decommissioned while " + slot + " consumed it");
                    }
                });
                decommissioned.add(e.resource());
            } else if (event instanceof EnvironmentDefaultSet e) {
                take(e.environment() + "/default/" + e.type(), e.project(), e.resource());
            } else if (event instanceof RemoteReferenceAdded e) {
                take(e.environment() + "/remote-reference/" + e.pkg(), e.project(), e.resource());
            } else if (event instanceof EnvironmentDefaultCleared e) {
                consuming.remove(e.environment() + "/default/" + e.type());
            } else if (event instanceof RemoteReferenceRemoved e) {
                consuming.remove(e.environment() + "/remote-reference/" + e.pkg());
            } else if (event instanceof EnvironmentDeleted e) {
                assertThat(consuming.keySet()).noneMatch(slot -> slot.startsWith(e.environment() + "/"));
            }
        }

        private void take(String slot, ProjectId project, ResourceId resource) {
            boolean mayUse = !decommissioned.contains(resource)
                    && (shares.getOrDefault(resource, Set.of()).contains(project)
                    || (imported.contains(resource) && owner.get(resource).equals(project)));
            if (!mayUse) {
                violations.add(slot + " took " + resource + " which it may not use");
            }
            consuming.put(slot, resource);
            consumerProject.put(slot, project);
        }

        List<String> consumersOfRetired() {
            List<String> found = new ArrayList<>();
            consuming.forEach((slot, resource) -> {
                boolean shared = shares.getOrDefault(resource, Set.of()).contains(consumerProject.get(slot));
                if (decommissioned.contains(resource) || !shared) {
                    found.add(slot + " consumes " + resource);
                }
            });
            return found;
        }

        Map<String, String> consumers() {
            Map<String, String> result = new HashMap<>();
            consuming.forEach((slot, resource) -> result.put(slot, resource.toString()));
            return result;
        }
    }
}

package io.infrashare.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Concurrent HTTP clients, each in a closed loop over the preview-environment cycle a CI pipeline drives per pull
 * request: create a preview environment forked from staging (its defaults copied), set its network default, add a
 * remote reference to the shared cluster, share a VPC with another project and revoke that share, tear the preview
 * down. Each client has projects of its own, as teams do. Meanwhile a probe measures how long a default set on the
 * command side takes to reach the topic and to show on the query side.
 */
final class CommandLoad {

    private static final String OPS = "dev-ops";
    private static final String ECOMM = "dev-ecomm";
    private static final long LATENCY_LIMIT_MICROS = TimeUnit.SECONDS.toMicros(60);
    private static final long MILLISECOND = TimeUnit.MILLISECONDS.toNanos(1);

    private final Api commands;
    private final Api queries;
    private final Topic topic;
    private final List<Team> teams = new ArrayList<>();

    CommandLoad(Api commands, Api queries, Topic topic) {
        this.commands = commands;
        this.queries = queries;
        this.topic = topic;
    }

    /** Gives each of {@code clients} clients, and the probe, its projects and shared resources. */
    void prepare(int clients) {
        for (int i = teams.size(); i <= clients; i++) {
            teams.add(Team.create(commands, "t" + i));
        }
    }

    /** Runs {@code clients} clients for the warm-up and then the measured time. */
    Result run(int clients, Duration warmup, Duration measure) throws InterruptedException {
        Recorder latencies = new Recorder(LATENCY_LIMIT_MICROS, 3);
        Recorder endToEnd = new Recorder(LATENCY_LIMIT_MICROS, 3);
        Recorder toTopic = new Recorder(LATENCY_LIMIT_MICROS, 3);
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        List<Exception> failures = new CopyOnWriteArrayList<>();
        long measureFrom = System.nanoTime() + warmup.toNanos();
        long until = measureFrom + measure.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i <= clients; i++) {
            Team team = teams.get(i);
            threads.add(start("client-" + i, () -> {
                while (System.nanoTime() < until) {
                    for (Step step : team.cycle()) {
                        long started = System.nanoTime();
                        Answer answer = commands.as(step.token()).send(step.method(), step.path(), step.body());
                        long ended = System.nanoTime();
                        if (ended >= measureFrom && ended < until) {
                            if (answer.success()) {
                                accepted.incrementAndGet();
                                latencies.recordValue(Math.min((ended - started) / 1000, LATENCY_LIMIT_MICROS));
                            } else {
                                refused.incrementAndGet();
                            }
                        }
                    }
                }
            }, failures));
        }
        threads.add(start("end-to-end-probe", () -> probe(teams.get(0), measureFrom, until, endToEnd, toTopic),
                failures));
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("The load stopped on an error", failures.get(0));
        }
        return new Result(clients, accepted.get() / (measure.toNanos() / 1e9), refused.get(),
                latencies.getIntervalHistogram(), endToEnd.getIntervalHistogram(), toTopic.getIntervalHistogram(),
                gauge(commands, "infrashare_publication_lag"), gauge(queries, "infrashare_projection_lag"));
    }

    /**
     * Sets the probe team's staging network default to one VPC and then the other; for each, the time from the
     * command side's 2xx until the query side answers with it.
     */
    private void probe(Team team, long measureFrom, long until, Recorder endToEnd, Recorder toTopic) {
        String environment = team.consumer + "-staging";
        for (int i = 0; System.nanoTime() < until; i++) {
            String vpc = i % 2 == 0 ? team.vpcB : team.vpcA;
            String correlationId = "probe-" + UUID.randomUUID();
            Answer set = commands.as(ECOMM).withCorrelationId(correlationId)
                    .put("/environments/" + environment + "/defaults/aws-vpc", "{\"resource\":\"" + vpc + "\"}");
            long accepted = System.nanoTime();
            if (!set.success()) {
                throw new IllegalStateException("The probe's default was refused: " + set.status() + " " + set.text());
            }
            while (!shows(queries.as(ECOMM).get("/environments/" + environment + "/consumption"), vpc)) {
                long waited = System.nanoTime() - accepted;
                if (waited > TimeUnit.MICROSECONDS.toNanos(LATENCY_LIMIT_MICROS)) {
                    throw new IllegalStateException("The query side did not show a default within a minute");
                }
                // asking again within a tenth of the time waited so far (1 to 10 ms) keeps the error under 10 %
                // without the probe's own reads slowing the query side down
                LockSupport.parkNanos(Math.max(MILLISECOND, Math.min(waited / 10, 10 * MILLISECOND)));
            }
            long visible = System.nanoTime();
            if (accepted >= measureFrom && visible < until) {
                endToEnd.recordValue((visible - accepted) / 1000);
                long published = topic.seen(correlationId);
                if (published > 0) {
                    toTopic.recordValue(Math.max(0, published - accepted) / 1000);
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static boolean shows(Answer consumption, String vpc) {
        if (consumption.status() != 200) {
            return false;
        }
        for (JsonNode entry : consumption.body().path("defaults")) {
            if (entry.path("type").asText().equals("aws-vpc")) {
                return entry.path("resource").path("id").asText().equals(vpc);
            }
        }
        return false;
    }

    private static Thread start(String name, Work work, List<Exception> failures) {
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } catch (Exception e) {
                failures.add(e);
            }
        }, name);
        thread.start();
        return thread;
    }

    private interface Work {
        void run() throws Exception;
    }

    /** What one level of concurrency gave: accepted commands per second, their latency, and end to end. */
    /**
     * @param publicationLag events stored and not yet published when the level ended
     * @param projectionLag  records on the topic the query side had not applied (measured every 5 s)
     */
    record Result(int clients, double commandsPerSecond, long refused, Histogram latency, Histogram endToEnd,
                  Histogram toTopic,
                  String publicationLag, String projectionLag) {
    }

    /** A gauge of one of the apps, as Prometheus reads it, or "?" if it cannot be read. */
    private static String gauge(Api app, String name) {
        try {
            Answer metrics = app.as("dev-operator").get("/actuator/prometheus");
            for (String line : metrics.text().split("\n")) {
                if (line.startsWith(name)) {
                    return String.format("%,.0f", Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
                }
            }
            return "?";
        } catch (RuntimeException e) {
            return "?"; // an interrupted read included: the flag is set again
        }
    }

    private record Step(String token, String method, String path, String body) {
    }

    /** One client's projects: ops' {@code o}, with two VPCs and a cluster shared with the team's {@code u}. */
    private static final class Team {

        private final String ops;
        private final String consumer;
        private final String bystander;
        private final String vpcA;
        private final String vpcB;
        private final String cluster;
        private int previews;

        private Team(String name, String vpcA, String vpcB, String cluster) {
            this.ops = "o" + name;
            this.consumer = "u" + name;
            this.bystander = "x" + name;
            this.vpcA = vpcA;
            this.vpcB = vpcB;
            this.cluster = cluster;
        }

        static Team create(Api api, String name) {
            String ops = "o" + name;
            String consumer = "u" + name;
            api.as(OPS).post("/projects", project(ops, "ops")).requireSuccess();
            api.as(OPS).post("/projects/" + ops + "/environments", environment("staging")).requireSuccess();
            api.as(OPS).post("/projects/" + ops + "/environments", environment("prod")).requireSuccess();
            api.as(OPS).post("/projects/" + ops + "/packages", pkg("vpc", "aws-vpc")).requireSuccess();
            api.as(OPS).post("/projects/" + ops + "/packages", pkg("k8s", "kubernetes-cluster")).requireSuccess();
            String vpcA = provision(api, ops + "-staging", "vpc");
            String vpcB = provision(api, ops + "-prod", "vpc");
            String cluster = provision(api, ops + "-staging", "k8s");
            api.as(ECOMM).post("/projects", project(consumer, "ecommerce")).requireSuccess();
            api.as(ECOMM).post("/projects/" + consumer + "/environments", environment("staging")).requireSuccess();
            api.as(ECOMM).post("/projects/" + consumer + "/packages", pkg("k8s", "kubernetes-cluster"))
                    .requireSuccess();
            api.as(OPS).post("/projects", project("x" + name, "ops")).requireSuccess();
            for (String resource : List.of(vpcA, vpcB, cluster)) {
                api.as(OPS).put("/resources/" + resource + "/shares/" + consumer, null).requireSuccess();
            }
            api.as(ECOMM).put("/environments/" + consumer + "-staging/defaults/aws-vpc",
                    "{\"resource\":\"" + vpcA + "\"}").requireSuccess();
            return new Team(name, vpcA, vpcB, cluster);
        }

        /** The six commands of one preview environment's life. */
        List<Step> cycle() {
            String preview = "p" + (++previews);
            String environment = consumer + "-" + preview;
            return List.of(
                    new Step(ECOMM, "POST", "/projects/" + consumer + "/environments", "{\"name\":\"PR " + previews
                            + "\",\"abbreviation\":\"" + preview + "\",\"labels\":{\"tier\":\"preview\"},\"forkOf\":\""
                            + consumer + "-staging\"}"),
                    new Step(ECOMM, "PUT", "/environments/" + environment + "/defaults/aws-vpc",
                            "{\"resource\":\"" + vpcB + "\"}"),
                    new Step(ECOMM, "PUT", "/environments/" + environment + "/remote-references/k8s",
                            "{\"resource\":\"" + cluster + "\"}"),
                    new Step(OPS, "PUT", "/resources/" + vpcB + "/shares/" + bystander, null),
                    new Step(OPS, "DELETE", "/resources/" + vpcB + "/shares/" + bystander, null),
                    new Step(ECOMM, "DELETE", "/environments/" + environment, null));
        }

        private static String provision(Api api, String environment, String pkg) {
            return api.as(OPS).post("/environments/" + environment + "/resources",
                    "{\"package\":\"" + pkg + "\",\"name\":\"" + pkg + " of " + environment + "\"}")
                    .requireSuccess().text("id");
        }

        private static String project(String abbreviation, String team) {
            return "{\"name\":\"" + abbreviation + "\",\"abbreviation\":\"" + abbreviation + "\",\"ownerTeam\":\""
                    + team + "\"}";
        }

        private static String environment(String abbreviation) {
            return "{\"name\":\"" + abbreviation + "\",\"abbreviation\":\"" + abbreviation + "\"}";
        }

        private static String pkg(String name, String type) {
            return "{\"name\":\"" + name + "\",\"bundle\":\"" + type + "\",\"resourceType\":\"" + type + "\"}";
        }
    }
}

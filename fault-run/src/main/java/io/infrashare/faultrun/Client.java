package io.infrashare.faultrun;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A team's pipeline: a preview environment per pull request, forked from staging (copying its defaults and
 * reference), pointed at another VPC, database and the shared cluster, partly released, and torn down, except every
 * third one, which stays for the final comparison. Between previews the ops team touches a shared VPC. All clients
 * of an organization work on the same two projects, from both command-side nodes, so they collide.
 */
final class Client implements Runnable {

    /** The longest name, label value or attribute value the contract allows everywhere, in characters. */
    private static final int MAX_NAME = 200;

    private final int number;
    private final Scenario.World world;
    private final Commands commands;
    private final AtomicBoolean running;
    private final Duration pace;

    Client(int number, Scenario.World world, Commands commands, AtomicBoolean running, Duration pace) {
        this.number = number;
        this.world = world;
        this.commands = commands;
        this.running = running;
        this.pace = pace;
    }

    @Override
    public void run() {
        try {
            for (int preview = 1; running.get(); preview++) {
                preview(preview);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void preview(int preview) throws InterruptedException {
        Organization org = world.organization();
        String abbreviation = "pr" + number + "x" + preview;
        String environment = Scenario.APP_PROJECT + "-" + abbreviation;
        String token = org.appToken();
        String name = HostileText.kept(preview, MAX_NAME);
        send(token, "POST", "/projects/app/environments", """
                {"name":%s,"abbreviation":"%s","forkOf":"%s","labels":{"note":%s}}"""
                .formatted(HostileText.json(name), abbreviation, Scenario.STAGING,
                        HostileText.json(HostileText.kept(preview + number, MAX_NAME))));
        if (preview % 4 == 0) {
            refuse(token, "/projects/app/environments", """
                    {"name":%s,"abbreviation":"%sr"}""".formatted(HostileText.json(HostileText.refused(preview)),
                    abbreviation));
        }
        String vpc = world.vpcs().get(1 + preview % 2);
        send(token, "PUT", "/environments/" + environment + "/defaults/aws-vpc", Scenario.resource(vpc));
        String database = world.databases().get(1 + preview % 2);
        send(token, "PUT", "/environments/" + environment + "/remote-references/db", Scenario.resource(database));
        send(token, "PUT", "/environments/" + environment + "/defaults/kubernetes-cluster",
                Scenario.resource(world.cluster()));
        send(token, "DELETE", "/environments/" + environment + "/defaults/aws-vpc", null);
        if (preview % 3 != 0) {
            send(token, "DELETE", "/environments/" + environment, null);
        }
        send(org.opsToken(), "PATCH", "/resources/" + world.vpcs().get(0), """
                {"attributes":{"touchedBy":"%s","note":%s}}""".formatted(abbreviation,
                HostileText.json(HostileText.kept(preview * 3 + number, MAX_NAME))));
    }

    /** A write the service must refuse with a 400 that records nothing: anything else stops the run. */
    private void refuse(String token, String path, String body) throws InterruptedException {
        if (!running.get()) {
            return;
        }
        Commands.Result result = commands.send(world.organization(), number, token, "POST", path, body);
        if (result.verdict() == Ledger.Verdict.UNKNOWN) {
            return; // no node answered in time: the kills, not the text
        }
        if (result.verdict() != Ledger.Verdict.REFUSED || result.answer().status() != 400
                || !result.answer().problem().equals("invalid-request")) {
            throw new IllegalStateException("text the service cannot keep was not refused with a 400: POST " + path
                    + " answered " + (result.answer() == null ? "nothing" : result.answer().status()));
        }
    }


    private void send(String token, String method, String path, String body) throws InterruptedException {
        if (running.get()) {
            commands.send(world.organization(), number, token, method, path, body,
                    HostileText.reason(number + path.length()));
            TimeUnit.MILLISECONDS.sleep(pace.toMillis());
        }
    }
}

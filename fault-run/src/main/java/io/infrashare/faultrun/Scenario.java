package io.infrashare.faultrun;

import java.util.ArrayList;
import java.util.List;

/** The world each organization's clients work in, set up before the first kill. */
final class Scenario {

    static final String OPS_PROJECT = "si";
    static final String APP_PROJECT = "app";
    static final String STAGING = APP_PROJECT + "-staging";

    record World(Organization organization, List<String> vpcs, String cluster, List<String> databases) {

        List<String> resources() {
            List<String> all = new ArrayList<>(vpcs);
            all.add(cluster);
            all.addAll(databases);
            return all;
        }
    }

    private final Commands commands;

    Scenario(Commands commands) {
        this.commands = commands;
    }

    World setUp(Organization org) throws InterruptedException {
        String ops = org.opsToken();
        String app = org.appToken();
        must(org, ops, "POST", "/projects", """
                {"name":"Shared Infra","abbreviation":"si","ownerTeam":"%s"}""".formatted(org.opsTeam()));
        must(org, ops, "POST", "/projects/si/environments", """
                {"name":"Staging","abbreviation":"staging"}""");
        must(org, app, "POST", "/projects", """
                {"name":"App","abbreviation":"app","ownerTeam":"%s"}""".formatted(org.appTeam()));
        must(org, app, "POST", "/projects/app/environments", """
                {"name":"Staging","abbreviation":"staging","labels":{"tier":"staging"}}""");
        must(org, app, "POST", "/projects/app/packages", """
                {"name":"db","bundle":"postgres","resourceType":"postgresql"}""");

        List<String> vpcs = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            must(org, ops, "POST", "/projects/si/packages", """
                    {"name":"vpc%d","bundle":"aws-vpc","resourceType":"aws-vpc"}""".formatted(i));
            vpcs.add(provision(org, "vpc" + i, "VPC " + i));
        }
        must(org, ops, "POST", "/projects/si/packages", """
                {"name":"cluster","bundle":"eks","resourceType":"kubernetes-cluster"}""");
        String cluster = provision(org, "cluster", "EKS");
        for (String resource : append(vpcs, cluster)) {
            must(org, ops, "PUT", "/resources/" + resource + "/shares/app", null);
        }
        List<String> databases = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            databases.add(must(org, app, "POST", "/projects/app/resources", """
                    {"type":"postgresql","name":"legacy db %d","attributes":{"host":"db%d.internal"}}"""
                    .formatted(i, i)).answer().body().path("id").asText());
        }
        must(org, app, "PUT", "/environments/app-staging/defaults/aws-vpc", resource(vpcs.get(0)));
        must(org, app, "PUT", "/environments/app-staging/remote-references/db", resource(databases.get(0)));
        return new World(org, List.copyOf(vpcs), cluster, List.copyOf(databases));
    }

    private String provision(Organization org, String pkg, String name) throws InterruptedException {
        return must(org, org.opsToken(), "POST", "/environments/si-staging/resources", """
                {"package":"%s","name":"%s","attributes":{"region":"us-east-1"}}""".formatted(pkg, name))
                .answer().body().path("id").asText();
    }

    static String resource(String id) {
        return "{\"resource\":\"" + id + "\"}";
    }

    private static List<String> append(List<String> list, String last) {
        List<String> all = new ArrayList<>(list);
        all.add(last);
        return all;
    }

    private Commands.Result must(Organization org, String token, String method, String path, String body)
            throws InterruptedException {
        Commands.Result result = commands.send(org, 0, token, method, path, body);
        if (!result.acknowledged()) {
            throw new IllegalStateException("setting up " + org.name() + ": " + method + " " + path + " was "
                    + result.verdict() + (result.answer() == null ? "" : " " + result.answer().body()));
        }
        return result;
    }
}

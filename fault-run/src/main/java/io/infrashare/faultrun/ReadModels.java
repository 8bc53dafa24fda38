package io.infrashare.faultrun;

import com.fasterxml.jackson.databind.JsonNode;
import io.infrashare.http.Answer;
import io.infrashare.http.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Asks the query side what users would ask, consumption per environment, consumers per resource and the project's
 * environments, and compares each answer with the state folded from the event store. An event applied twice, missed
 * or applied out of order shows as a difference.
 */
final class ReadModels {

    private final Api query;

    ReadModels(JavaService query) {
        this.query = query.api();
    }

    /** @return one line per answer that differs from the store, empty when all agree */
    List<String> differences(List<Scenario.World> worlds, List<Evidence.StoredEvent> history) {
        List<String> differences = new ArrayList<>();
        for (Scenario.World world : worlds) {
            Organization org = world.organization();
            ExpectedState expected = ExpectedState.of(org.name(), history);
            for (String environment : expected.environments()) {
                compareConsumption(org, expected.environment(environment), differences);
            }
            for (String resource : world.resources()) {
                compareConsumers(org, resource, expected.consumersOf(resource), differences);
            }
            compareProject(org, expected, differences);
        }
        return differences;
    }

    private void compareConsumption(Organization org, ExpectedState.Environment expected, List<String> differences) {
        Answer answer = query.as(org.readToken()).get("/environments/" + expected.id() + "/consumption");
        if (expected.deleted()) {
            if (answer.status() != 404) {
                differences.add(org.name() + " " + expected.id() + ": deleted, but consumption answered "
                        + answer.status());
            }
            return;
        }
        Map<String, String> defaults = new TreeMap<>();
        answer.body().path("defaults").forEach(entry ->
                defaults.put(entry.path("type").asText(), entry.path("resource").path("id").asText()));
        Map<String, String> references = new TreeMap<>();
        answer.body().path("remoteReferences").forEach(entry ->
                references.put(entry.path("package").asText(), entry.path("resource").path("id").asText()));
        if (answer.status() != 200 || !defaults.equals(expected.defaults())
                || !references.equals(expected.references())) {
            differences.add(org.name() + " " + expected.id() + ": consumption " + answer.status() + " defaults "
                    + defaults + " references " + references + ", the store says defaults " + expected.defaults()
                    + " references " + expected.references());
        }
    }

    private void compareConsumers(Organization org, String resource, Set<ExpectedState.Consumer> expected,
                                  List<String> differences) {
        Answer answer = query.as(org.readToken()).get("/resources/" + resource + "/consumers");
        Set<ExpectedState.Consumer> consumers = new TreeSet<>();
        for (JsonNode consumer : answer.body().path("consumers")) {
            consumers.add(new ExpectedState.Consumer(consumer.path("environment").asText(),
                    consumer.path("via").asText(),
                    consumer.path("package").isNull() ? null : consumer.path("package").asText()));
        }
        if (answer.status() != 200 || !consumers.equals(expected)) {
            differences.add(org.name() + " resource " + resource + ": consumers " + consumers
                    + ", the store says " + expected);
        }
    }

    private void compareProject(Organization org, ExpectedState expected, List<String> differences) {
        Set<String> live = new TreeSet<>();
        Set<String> deleted = new TreeSet<>();
        for (String id : expected.environments()) {
            if (id.startsWith(Scenario.APP_PROJECT + "-")) {
                (expected.environment(id).deleted() ? deleted : live).add(id);
            }
        }
        Answer answer = query.as(org.readToken()).get("/projects/" + Scenario.APP_PROJECT);
        Set<String> answeredLive = new TreeSet<>();
        Set<String> answeredDeleted = new TreeSet<>();
        for (JsonNode environment : answer.body().path("environments")) {
            (environment.path("deletedAt").isNull() || environment.path("deletedAt").isMissingNode()
                    ? answeredLive : answeredDeleted).add(environment.path("id").asText());
        }
        if (!answeredLive.equals(live) || !answeredDeleted.equals(deleted)) {
            differences.add(org.name() + " project app: environments " + answeredLive + " deleted "
                    + answeredDeleted + ", the store says " + live + " deleted " + deleted);
        }
    }
}

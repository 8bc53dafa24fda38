package io.infrashare.faultrun;

import io.infrashare.events.EnvironmentCreated;
import io.infrashare.events.EnvironmentDefaultCleared;
import io.infrashare.events.EnvironmentDefaultSet;
import io.infrashare.events.EnvironmentDeleted;
import io.infrashare.events.RemoteReferenceAdded;
import io.infrashare.events.RemoteReferenceRemoved;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an organization's environments consume, folded from the event store's history alone: the answer the query
 * side must give once it has applied every event exactly once, in order.
 */
final class ExpectedState {

    /** Each environment's defaults by type and remote references by package, and whether it was deleted. */
    record Environment(String id, Map<String, String> defaults, Map<String, String> references, boolean deleted) {
    }

    /** A consumer of a resource as {@code /resources/{id}/consumers} lists it. */
    record Consumer(String environment, String via, String pkg) implements Comparable<Consumer> {

        @Override
        public int compareTo(Consumer other) {
            return toString().compareTo(other.toString());
        }
    }

    private final Map<String, Map<String, String>> defaults = new TreeMap<>();
    private final Map<String, Map<String, String>> references = new TreeMap<>();
    private final Set<String> deleted = new TreeSet<>();

    static ExpectedState of(String organization, Iterable<Evidence.StoredEvent> history) {
        ExpectedState state = new ExpectedState();
        for (Evidence.StoredEvent stored : history) {
            if (stored.event().organization().value().equals(organization)) {
                state.apply(stored.event());
            }
        }
        return state;
    }

    private void apply(Object event) {
        if (event instanceof EnvironmentCreated created) {
            defaults.put(created.environment().value(), new TreeMap<>());
            references.put(created.environment().value(), new TreeMap<>());
        } else if (event instanceof EnvironmentDefaultSet set) {
            defaults.get(set.environment().value()).put(set.type().value(), set.resource().value().toString());
        } else if (event instanceof EnvironmentDefaultCleared cleared) {
            defaults.get(cleared.environment().value()).remove(cleared.type().value());
        } else if (event instanceof RemoteReferenceAdded added) {
            references.get(added.environment().value()).put(added.pkg().value(), added.resource().value().toString());
        } else if (event instanceof RemoteReferenceRemoved removed) {
            references.get(removed.environment().value()).remove(removed.pkg().value());
        } else if (event instanceof EnvironmentDeleted gone) {
            deleted.add(gone.environment().value());
        }
    }

    Set<String> environments() {
        return defaults.keySet();
    }

    Environment environment(String id) {
        return new Environment(id, defaults.get(id), references.get(id), deleted.contains(id));
    }

    Set<Consumer> consumersOf(String resource) {
        Set<Consumer> consumers = new TreeSet<>();
        defaults.forEach((environment, byType) -> byType.values().stream().filter(resource::equals)
                .forEach(used -> consumers.add(new Consumer(environment, "default", null))));
        references.forEach((environment, byPackage) -> byPackage.forEach((pkg, used) -> {
            if (used.equals(resource)) {
                consumers.add(new Consumer(environment, "remote-reference", pkg));
            }
        }));
        return consumers;
    }
}

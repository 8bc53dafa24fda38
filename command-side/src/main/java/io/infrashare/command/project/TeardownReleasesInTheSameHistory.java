package io.infrashare.command.project;

import io.infrashare.events.EnvironmentDefaultCleared;
import io.infrashare.events.EnvironmentDeleted;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.Provenance;
import io.infrashare.events.RemoteReferenceRemoved;
import io.infrashare.events.ResourceDecommissioned;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Rule 6 of docs/domain.md: tearing an environment down records, in one command, the release of every default and
 * reference it held and the decommissioning of every resource it provisioned, then its deletion; and it is refused
 * while resources it provisioned are consumed elsewhere.
 *
 * <p>Needs the catalog: each provisioned resource is locked as a decommission locks it
 * ({@link ResourceCatalog#lockForRemoval}), so the teardown races new consumers exactly as rule 5 does.
 */
final class TeardownReleasesInTheSameHistory {

    private TeardownReleasesInTheSameHistory() {
    }

    /** The teardown's events in the order they are recorded: defaults by type, references and resources by package. */
    static List<Object> teardown(ProjectKey project, EnvironmentId id, Project.Environment environment,
                                 ResourceCatalog catalog, Provenance provenance) {
        List<Consumer> consumers = new ArrayList<>();
        new TreeMap<>(environment.provisioned()).values()
                .forEach(resource -> consumers.addAll(catalog.lockForRemoval(project.organization(), resource)));
        if (!consumers.isEmpty()) {
            throw new CommandRefusedException(RefusalCode.ENVIRONMENT_RESOURCES_IN_USE, "Environment " + id
                    + " provisioned resources that other environments consume.", consumers);
        }
        List<Object> events = new ArrayList<>();
        new TreeMap<>(environment.defaults()).forEach((type, resource) -> events.add(new EnvironmentDefaultCleared(
                project.organization(), project.project(), id, type, resource, provenance)));
        new TreeMap<>(environment.references()).forEach((pkg, resource) -> events.add(new RemoteReferenceRemoved(
                project.organization(), project.project(), id, pkg, resource, provenance)));
        new TreeMap<>(environment.provisioned()).values().forEach(resource -> events.add(new ResourceDecommissioned(
                project.organization(), project.project(), resource, id, provenance)));
        events.add(new EnvironmentDeleted(project.organization(), project.project(), id, provenance));
        return events;
    }
}

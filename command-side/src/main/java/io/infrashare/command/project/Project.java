package io.infrashare.command.project;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.infrashare.command.web.ResourceLimits;
import io.infrashare.events.EnvironmentCreated;
import io.infrashare.events.EnvironmentDefaultCleared;
import io.infrashare.events.EnvironmentDefaultSet;
import io.infrashare.events.EnvironmentDeleted;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.PackageAdded;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectCreated;
import io.infrashare.events.ProjectId;
import io.infrashare.events.Provenance;
import io.infrashare.events.RemoteReferenceAdded;
import io.infrashare.events.RemoteReferenceRemoved;
import io.infrashare.events.ResourceDecommissioned;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceImported;
import io.infrashare.events.ResourceProvisioned;
import io.infrashare.events.ResourceReconfigured;
import io.infrashare.events.ResourceShareRevoked;
import io.infrashare.events.ResourceShared;
import io.infrashare.events.ResourceType;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A project with everything it owns: its environments and what each consumes, its packages, and the resources it
 * provisioned or imported with their shares. The owner team, or an admin, manages all of it.
 *
 * <p>Each rule of docs/domain.md is a class of this package, called from the handlers: {@link OnlyTheOwnersWrite}
 * (rule 1), {@link OnlyWhatIsActiveAndSharedIsConsumed} (2), {@link TypesMatch} (3), {@link OneOfEachPerEnvironment}
 * (4), {@link NothingConsumedIsTakenAway} (5) and {@link TeardownReleasesInTheSameHistory} (6); rule 7 is the
 * {@link Requester#provenance} every event is stamped with.
 *
 * <p>Every handler checks in the order of docs/http-api.md: what does not exist (404), then who may not (403), then the rules
 * (409); and records nothing when the effect already holds.
 *
 * <p>Its fields are its snapshot (JSON, by Jackson): a change to them needs
 * {@code io.infrashare.command.history.SchemaRevisions#PROJECT_STATE} raised, so that older snapshots are ignored.
 */
@Aggregate(cache = "projectCache", snapshotTriggerDefinition = "projectSnapshotTrigger",
        snapshotFilter = "projectSnapshotFilter")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Project {

    @AggregateIdentifier
    private ProjectKey key;
    private String ownerTeam;
    private final Map<EnvironmentId, Environment> environments = new HashMap<>();
    /** Deleted environments: their ids are never used again. */
    private final Set<EnvironmentId> retired = new HashSet<>();
    private final Map<PackageId, ResourceType> packages = new HashMap<>();
    private final Map<ResourceId, ResourceDescription> resources = new HashMap<>();
    private final Map<ResourceId, Set<ProjectId>> shares = new HashMap<>();

    protected Project() {
        // for Axon, which rebuilds a project from its events
    }

    @CommandHandler
    public Project(CreateProjectCommand command, Clock clock) {
        OnlyTheOwnersWrite.requireActsFor(command.requester(), command.ownerTeam());
        apply(new ProjectCreated(command.project().organization(), command.project().project(), command.name(),
                command.ownerTeam(), command.requester().provenance(clock)));
    }

    @CommandHandler
    public EnvironmentId handle(CreateEnvironmentCommand command, ResourceCatalog catalog, Clock clock) {
        Environment base = command.forkOf() == null ? null : environment(command.forkOf());
        OnlyTheOwnersWrite.requireActsFor(command.requester(), ownerTeam);
        EnvironmentId id = EnvironmentId.of(key.project(), command.abbreviation());
        if (environments.containsKey(id) || retired.contains(id)) {
            throw new CommandRefusedException(RefusalCode.ALREADY_EXISTS, "Environment " + id
                    + (retired.contains(id) ? " existed and was deleted; its id is not used again."
                    : " already exists."));
        }
        Provenance provenance = command.requester().provenance(clock);
        apply(new EnvironmentCreated(key.organization(), key.project(), id, command.name(), command.labels(),
                command.forkOf(), provenance));
        if (base != null) {
            // a preview environment consumes what its base consumes: each copy is a decision of its own in the history
            new TreeMap<>(base.defaults()).forEach((type, resource) -> {
                CatalogedResource used = usable(catalog, resource);
                apply(new EnvironmentDefaultSet(key.organization(), key.project(), id, type, resource, used.owner(),
                        null, provenance));
            });
            new TreeMap<>(base.references()).forEach((pkg, resource) -> {
                CatalogedResource used = usable(catalog, resource);
                apply(new RemoteReferenceAdded(key.organization(), key.project(), id, pkg, resource, used.owner(),
                        null, provenance));
            });
        }
        return id;
    }

    @CommandHandler
    public void handle(DeleteEnvironmentCommand command, ResourceCatalog catalog, Clock clock) {
        Environment environment = environment(command.environment());
        OnlyTheOwnersWrite.requireActsFor(command.requester(), ownerTeam);
        TeardownReleasesInTheSameHistory.teardown(key, command.environment(), environment, catalog,
                command.requester().provenance(clock)).forEach(AggregateLifecycle::apply);
    }

    @CommandHandler
    public void handle(AddPackageCommand command, Clock clock) {
        OnlyTheOwnersWrite.requireActsFor(command.requester(), ownerTeam);
        if (packages.containsKey(command.pkg())) {
            throw new CommandRefusedException(RefusalCode.ALREADY_EXISTS,
                    "Package " + command.pkg() + " already exists in project " + key.project() + ".");
        }
        apply(new PackageAdded(key.organization(), key.project(), command.pkg(), command.bundle(),
                command.resourceType(), command.requester().provenance(clock)));
    }

    @CommandHandler
    public ResourceDescription handle(ProvisionResourceCommand command, Clock clock) {
        Environment environment = environment(command.environment());
        ResourceType type = packageType(command.pkg());
        OnlyTheOwnersWrite.requireActsFor(command.requester(), ownerTeam);
        OneOfEachPerEnvironment.requireProvisionable(environment, command.environment(), command.pkg());
        apply(new ResourceProvisioned(key.organization(), key.project(), command.resource(), command.environment(),
                command.pkg(), type, command.name(), command.attributes(), command.requester().provenance(clock)));
        return resources.get(command.resource());
    }

    @CommandHandler
    public ResourceDescription handle(ImportResourceCommand command, Clock clock) {
        OnlyTheOwnersWrite.requireActsFor(command.requester(), ownerTeam);
        apply(new ResourceImported(key.organization(), key.project(), command.resource(), command.type(),
                command.name(), command.attributes(), command.requester().provenance(clock)));
        return resources.get(command.resource());
    }

    @CommandHandler
    public ResourceDescription handle(ReconfigureResourceCommand command, Clock clock) {
        ResourceDescription resource = owned(command.resource());
        OnlyTheOwnersWrite.requireActsFor(command.requester(), ownerTeam);
        requireActive(resource);
        Map<String, Object> attributes = new LinkedHashMap<>(resource.attributes());
        Set<String> removed = new HashSet<>();
        command.changes().forEach((name, value) -> {
            if (value == null) {
                if (attributes.remove(name) != null) {
                    removed.add(name);
                }
            } else {
                attributes.put(name, value);
            }
        });
        if (attributes.size() > ResourceLimits.MAX_ATTRIBUTES) {
            throw CommandRefusedException.invalid("attributes", "A resource has at most "
                    + ResourceLimits.MAX_ATTRIBUTES + " attributes; this change would leave " + attributes.size()
                    + ".");
        }
        if (attributes.equals(resource.attributes())) {
            return resource; // nothing changes: nothing to record
        }
        apply(new ResourceReconfigured(key.organization(), key.project(), command.resource(), attributes, removed,
                command.requester().provenance(clock)));
        return resources.get(command.resource());
    }

    @CommandHandler
    public ResourceDescription handle(DecommissionResourceCommand command, ResourceCatalog catalog, Clock clock) {
        ResourceDescription resource = owned(command.resource());
        OnlyTheOwnersWrite.requireActsFor(command.requester(), ownerTeam);
        if (!resource.active()) {
            return resource; // already decommissioned: nothing to record
        }
        NothingConsumedIsTakenAway.requireNotConsumed(catalog, key.organization(), command.resource());
        apply(new ResourceDecommissioned(key.organization(), key.project(), command.resource(),
                resource.environment(), command.requester().provenance(clock)));
        return resources.get(command.resource());
    }

    @CommandHandler
    public void handle(ShareResourceCommand command, ResourceCatalog catalog, Clock clock) {
        ResourceDescription resource = owned(command.resource());
        if (!catalog.projectExists(key.organization(), command.with())) {
            throw CommandRefusedException.notFound("Project " + command.with());
        }
        OnlyTheOwnersWrite.requireActsFor(command.requester(), ownerTeam);
        if (command.with().equals(key.project())) {
            throw new CommandRefusedException(RefusalCode.SHARE_WITH_OWNER,
                    "Project " + key.project() + " owns resource " + command.resource() + "; it needs no share.");
        }
        if (shares.get(command.resource()).contains(command.with())) {
            return; // the share already holds: repeating it records nothing (docs/http-api.md)
        }
        requireActive(resource);
        apply(new ResourceShared(key.organization(), key.project(), command.resource(), command.with(),
                command.requester().provenance(clock)));
    }

    @CommandHandler
    public void handle(RevokeShareCommand command, ResourceCatalog catalog, Clock clock) {
        owned(command.resource());
        if (!shares.get(command.resource()).contains(command.with())) {
            throw CommandRefusedException.notFound("A share of resource " + command.resource() + " with project "
                    + command.with());
        }
        OnlyTheOwnersWrite.requireActsFor(command.requester(), ownerTeam);
        NothingConsumedIsTakenAway.requireNotConsumedThroughShare(catalog, key.organization(), command.resource(),
                command.with());
        apply(new ResourceShareRevoked(key.organization(), key.project(), command.resource(), command.with(),
                command.requester().provenance(clock)));
    }

    @CommandHandler
    public void handle(SetEnvironmentDefaultCommand command, ResourceCatalog catalog, Clock clock) {
        Environment environment = environment(command.environment());
        CatalogedResource resource = lockedForUse(catalog, command.resource());
        OnlyTheOwnersWrite.requireActsFor(command.requester(), ownerTeam);
        TypesMatch.requireDefaultable(catalog, key.organization(), command.type());
        TypesMatch.require(resource, command.type());
        OnlyWhatIsActiveAndSharedIsConsumed.require(key.project(), resource);
        ResourceId current = OneOfEachPerEnvironment.replaced(environment, command.type());
        if (resource.id().equals(current)) {
            return; // already the default: nothing to record
        }
        apply(new EnvironmentDefaultSet(key.organization(), key.project(), command.environment(), command.type(),
                resource.id(), resource.owner(), current, command.requester().provenance(clock)));
    }

    @CommandHandler
    public void handle(ClearEnvironmentDefaultCommand command, Clock clock) {
        Environment environment = environment(command.environment());
        ResourceId current = environment.defaults().get(command.type());
        if (current == null) {
            throw CommandRefusedException.notFound("A default for " + command.type() + " in " + command.environment());
        }
        OnlyTheOwnersWrite.requireActsFor(command.requester(), ownerTeam);
        apply(new EnvironmentDefaultCleared(key.organization(), key.project(), command.environment(), command.type(),
                current, command.requester().provenance(clock)));
    }

    @CommandHandler
    public void handle(SetRemoteReferenceCommand command, ResourceCatalog catalog, Clock clock) {
        Environment environment = environment(command.environment());
        ResourceType type = packageType(command.pkg());
        CatalogedResource resource = lockedForUse(catalog, command.resource());
        OnlyTheOwnersWrite.requireActsFor(command.requester(), ownerTeam);
        OneOfEachPerEnvironment.requireReferenceable(environment, command.environment(), command.pkg());
        TypesMatch.require(resource, type);
        OnlyWhatIsActiveAndSharedIsConsumed.require(key.project(), resource);
        ResourceId current = OneOfEachPerEnvironment.replaced(environment, command.pkg());
        if (resource.id().equals(current)) {
            return; // already the reference: nothing to record
        }
        apply(new RemoteReferenceAdded(key.organization(), key.project(), command.environment(), command.pkg(),
                resource.id(), resource.owner(), current, command.requester().provenance(clock)));
    }

    @CommandHandler
    public void handle(RemoveRemoteReferenceCommand command, Clock clock) {
        Environment environment = environment(command.environment());
        ResourceId current = environment.references().get(command.pkg());
        if (current == null) {
            throw CommandRefusedException.notFound("A remote reference for package " + command.pkg() + " in "
                    + command.environment());
        }
        OnlyTheOwnersWrite.requireActsFor(command.requester(), ownerTeam);
        apply(new RemoteReferenceRemoved(key.organization(), key.project(), command.environment(), command.pkg(),
                current, command.requester().provenance(clock)));
    }

    /** For a fork: the base consumes the resource, so it is consumable unless that changed concurrently. */
    private CatalogedResource usable(ResourceCatalog catalog, ResourceId id) {
        CatalogedResource resource = lockedForUse(catalog, id);
        OnlyWhatIsActiveAndSharedIsConsumed.require(key.project(), resource);
        return resource;
    }

    /** Another project's resource, held against revocation and decommissioning until this command commits. */
    private CatalogedResource lockedForUse(ResourceCatalog catalog, ResourceId id) {
        return catalog.lockForUse(key.organization(), id)
                .orElseThrow(() -> CommandRefusedException.notFound("Resource " + id));
    }

    private static void requireActive(ResourceDescription resource) {
        if (!resource.active()) {
            throw new CommandRefusedException(RefusalCode.RESOURCE_DECOMMISSIONED,
                    "Resource " + resource.id() + " is decommissioned.");
        }
    }

    private Environment environment(EnvironmentId id) {
        Environment environment = environments.get(id);
        if (environment == null) {
            throw CommandRefusedException.notFound("Environment " + id);
        }
        return environment;
    }

    private ResourceType packageType(PackageId pkg) {
        ResourceType type = packages.get(pkg);
        if (type == null) {
            throw CommandRefusedException.notFound("Package " + pkg + " of project " + key.project());
        }
        return type;
    }

    private ResourceDescription owned(ResourceId id) {
        ResourceDescription resource = resources.get(id);
        if (resource == null) {
            throw CommandRefusedException.notFound("Resource " + id);
        }
        return resource;
    }

    @EventSourcingHandler
    void on(ProjectCreated event) {
        key = ProjectKey.of(event.organization(), event.project());
        ownerTeam = event.ownerTeam();
    }

    @EventSourcingHandler
    void on(EnvironmentCreated event) {
        environments.put(event.environment(), new Environment());
    }

    @EventSourcingHandler
    void on(EnvironmentDeleted event) {
        environments.remove(event.environment());
        retired.add(event.environment());
    }

    @EventSourcingHandler
    void on(PackageAdded event) {
        packages.put(event.pkg(), event.resourceType());
    }

    @EventSourcingHandler
    void on(ResourceProvisioned event) {
        environments.get(event.environment()).provisioned().put(event.pkg(), event.resource());
        resources.put(event.resource(), new ResourceDescription(event.resource(), event.type(), event.name(),
                event.attributes(), true, event.project(), event.environment(), event.pkg()));
        shares.put(event.resource(), new HashSet<>());
    }

    @EventSourcingHandler
    void on(ResourceImported event) {
        resources.put(event.resource(), new ResourceDescription(event.resource(), event.type(), event.name(),
                event.attributes(), true, event.project(), null, null));
        shares.put(event.resource(), new HashSet<>());
    }

    @EventSourcingHandler
    void on(ResourceReconfigured event) {
        ResourceDescription was = resources.get(event.resource());
        resources.put(event.resource(), new ResourceDescription(was.id(), was.type(), was.name(), event.attributes(),
                was.active(), was.owner(), was.environment(), was.pkg()));
    }

    @EventSourcingHandler
    void on(ResourceDecommissioned event) {
        ResourceDescription was = resources.get(event.resource());
        resources.put(event.resource(), new ResourceDescription(was.id(), was.type(), was.name(), was.attributes(),
                false, was.owner(), was.environment(), was.pkg()));
        if (was.environment() != null && environments.containsKey(was.environment())) {
            // the package may be provisioned anew there
            environments.get(was.environment()).provisioned().remove(was.pkg());
        }
    }

    @EventSourcingHandler
    void on(ResourceShared event) {
        shares.get(event.resource()).add(event.sharedWith());
    }

    @EventSourcingHandler
    void on(ResourceShareRevoked event) {
        shares.get(event.resource()).remove(event.sharedWith());
    }

    @EventSourcingHandler
    void on(EnvironmentDefaultSet event) {
        environments.get(event.environment()).defaults().put(event.type(), event.resource());
    }

    @EventSourcingHandler
    void on(EnvironmentDefaultCleared event) {
        environments.get(event.environment()).defaults().remove(event.type());
    }

    @EventSourcingHandler
    void on(RemoteReferenceAdded event) {
        environments.get(event.environment()).references().put(event.pkg(), event.resource());
    }

    @EventSourcingHandler
    void on(RemoteReferenceRemoved event) {
        environments.get(event.environment()).references().remove(event.pkg());
    }

    /** What the project knows of one of its environments: what it provisioned, and what it consumes. */
    record Environment(Map<PackageId, ResourceId> provisioned, Map<ResourceType, ResourceId> defaults,
                               Map<PackageId, ResourceId> references) {

        Environment() {
            this(new HashMap<>(), new HashMap<>(), new HashMap<>());
        }
    }
}

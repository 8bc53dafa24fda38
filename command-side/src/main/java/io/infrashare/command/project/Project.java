package io.infrashare.command.project;

import io.infrashare.events.EnvironmentCreated;
import io.infrashare.events.EnvironmentDefaultSet;
import io.infrashare.events.EnvironmentId;
import io.infrashare.events.PackageAdded;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectCreated;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceProvisioned;
import io.infrashare.events.ResourceShared;
import io.infrashare.events.ResourceType;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A project with everything it owns: its environments (and what each consumes), its packages and the resources
 * they produced, with their shares. The owner team, or an admin, manages all of it.
 */
@Aggregate
public class Project {

    @AggregateIdentifier
    private ProjectKey key;
    private String ownerTeam;
    private final Map<EnvironmentId, Environment> environments = new HashMap<>();
    private final Map<PackageId, ResourceType> packages = new HashMap<>();
    private final Map<ResourceId, Set<ProjectId>> sharesByResource = new HashMap<>();

    protected Project() {
        // for Axon, which rebuilds a project from its events
    }

    @CommandHandler
    public Project(CreateProjectCommand command, Clock clock) {
        requireActsFor(command.requester(), command.ownerTeam());
        apply(new ProjectCreated(command.project().organization(), command.project().project(), command.name(),
                command.ownerTeam(), command.requester().provenance(clock)));
    }

    @CommandHandler
    public EnvironmentId handle(CreateEnvironmentCommand command, Clock clock) {
        requireActsFor(command.requester(), ownerTeam);
        EnvironmentId id = EnvironmentId.of(key.project(), command.abbreviation());
        if (environments.containsKey(id)) {
            throw new CommandRefusedException(RefusalCode.ALREADY_EXISTS, "Environment " + id + " already exists.");
        }
        apply(new EnvironmentCreated(key.organization(), key.project(), id, command.name(), command.labels(), null,
                command.requester().provenance(clock)));
        return id;
    }

    @CommandHandler
    public void handle(AddPackageCommand command, Clock clock) {
        requireActsFor(command.requester(), ownerTeam);
        if (packages.containsKey(command.pkg())) {
            throw new CommandRefusedException(RefusalCode.ALREADY_EXISTS,
                    "Package " + command.pkg() + " already exists in project " + key.project() + ".");
        }
        apply(new PackageAdded(key.organization(), key.project(), command.pkg(), command.bundle(),
                command.resourceType(), command.requester().provenance(clock)));
    }

    @CommandHandler
    public ResourceProvisioned handle(ProvisionResourceCommand command, Clock clock) {
        Environment environment = environment(command.environment());
        ResourceType type = packages.get(command.pkg());
        if (type == null) {
            throw CommandRefusedException.notFound("Package " + command.pkg() + " of project " + key.project());
        }
        requireActsFor(command.requester(), ownerTeam);
        if (environment.provisioned.containsKey(command.pkg())) {
            throw new CommandRefusedException(RefusalCode.PACKAGE_ALREADY_PROVISIONED, "Package " + command.pkg()
                    + " is already provisioned in " + command.environment() + ".");
        }
        ResourceProvisioned provisioned = new ResourceProvisioned(key.organization(), key.project(),
                command.resource(), command.environment(), command.pkg(), type, command.name(),
                command.attributes(), command.requester().provenance(clock));
        apply(provisioned);
        return provisioned;
    }

    @CommandHandler
    public void handle(ShareResourceCommand command, ResourceCatalog catalog, Clock clock) {
        Set<ProjectId> shares = sharesByResource.get(command.resource());
        if (shares == null) {
            throw CommandRefusedException.notFound("Resource " + command.resource());
        }
        if (!catalog.projectExists(key.organization(), command.with())) {
            throw CommandRefusedException.notFound("Project " + command.with());
        }
        requireActsFor(command.requester(), ownerTeam);
        if (command.with().equals(key.project())) {
            throw new CommandRefusedException(RefusalCode.SHARE_WITH_OWNER,
                    "Project " + key.project() + " owns resource " + command.resource() + "; it needs no share.");
        }
        if (shares.contains(command.with())) {
            return; // the share already holds: repeating it records nothing (API.md)
        }
        apply(new ResourceShared(key.organization(), key.project(), command.resource(), command.with(),
                command.requester().provenance(clock)));
    }

    @CommandHandler
    public void handle(SetEnvironmentDefaultCommand command, ResourceCatalog catalog, Clock clock) {
        Environment environment = environment(command.environment());
        CatalogedResource resource = catalog.resource(key.organization(), command.resource())
                .orElseThrow(() -> CommandRefusedException.notFound("Resource " + command.resource()));
        requireActsFor(command.requester(), ownerTeam);
        if (!DefaultableTypes.BUILT_IN.contains(command.type())) {
            throw new CommandRefusedException(RefusalCode.TYPE_NOT_DEFAULTABLE,
                    "Type " + command.type() + " cannot be an environment default.");
        }
        if (!resource.type().equals(command.type())) {
            throw new CommandRefusedException(RefusalCode.TYPE_MISMATCH, "Resource " + resource.id() + " is a "
                    + resource.type() + ", not a " + command.type() + ".");
        }
        requireConsumable(resource);
        ResourceId current = environment.defaults.get(command.type());
        if (resource.id().equals(current)) {
            return; // already the default: nothing to record
        }
        apply(new EnvironmentDefaultSet(key.organization(), key.project(), command.environment(), command.type(),
                resource.id(), resource.owner(), current, command.requester().provenance(clock)));
    }

    /** DESIGN.md rule 2: active, and shared with this project or imported into it. */
    private void requireConsumable(CatalogedResource resource) {
        if (!resource.active()) {
            throw new CommandRefusedException(RefusalCode.RESOURCE_DECOMMISSIONED,
                    "Resource " + resource.id() + " is decommissioned.");
        }
        if (resource.owner().equals(key.project())) {
            if (!resource.imported()) {
                throw new CommandRefusedException(RefusalCode.SAME_PROJECT_RESOURCE, "Resource " + resource.id()
                        + " was provisioned by another environment of project " + key.project()
                        + "; environments of one project do not consume each other's resources.");
            }
        } else if (!resource.sharedWith().contains(key.project())) {
            throw new CommandRefusedException(RefusalCode.NOT_SHARED, "Resource " + resource.id()
                    + " of project " + resource.owner() + " is not shared with project " + key.project() + ".");
        }
    }

    private Environment environment(EnvironmentId id) {
        Environment environment = environments.get(id);
        if (environment == null) {
            throw CommandRefusedException.notFound("Environment " + id);
        }
        return environment;
    }

    private static void requireActsFor(Requester requester, String team) {
        if (!requester.caller().actsFor(team)) {
            throw new CommandRefusedException(RefusalCode.FORBIDDEN,
                    requester.caller().name() + " is neither in team " + team + " nor an admin.");
        }
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
    void on(PackageAdded event) {
        packages.put(event.pkg(), event.resourceType());
    }

    @EventSourcingHandler
    void on(ResourceProvisioned event) {
        environments.get(event.environment()).provisioned.put(event.pkg(), event.resource());
        sharesByResource.put(event.resource(), new HashSet<>());
    }

    @EventSourcingHandler
    void on(ResourceShared event) {
        sharesByResource.get(event.resource()).add(event.sharedWith());
    }

    @EventSourcingHandler
    void on(EnvironmentDefaultSet event) {
        environments.get(event.environment()).defaults.put(event.type(), event.resource());
    }

    /** What the project knows of one of its environments: the packages it provisioned, the defaults it uses. */
    private record Environment(Map<PackageId, ResourceId> provisioned, Map<ResourceType, ResourceId> defaults) {

        Environment() {
            this(new HashMap<>(), new HashMap<>());
        }
    }
}

package io.infrashare.query.project;

import io.infrashare.events.OrganizationId;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;
import io.infrashare.query.Positioned;
import io.infrashare.query.ingest.Positions;
import io.infrashare.query.resource.ResourceReadModel;
import io.infrashare.query.resource.ResourceView;
import io.infrashare.query.resource.ShareReadModel;
import io.infrashare.query.resource.ShareReadModel.Share;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

@Component
class ProjectQuery {


    private final Positions positions;
    private final ProjectReadModel projects;
    private final EnvironmentReadModel environments;
    private final PackageReadModel packages;
    private final ResourceReadModel resources;
    private final ShareReadModel shares;

    ProjectQuery(Positions positions, ProjectReadModel projects, EnvironmentReadModel environments,
                 PackageReadModel packages, ResourceReadModel resources, ShareReadModel shares) {
        this.positions = positions;
        this.projects = projects;
        this.environments = environments;
        this.packages = packages;
        this.resources = resources;
        this.shares = shares;
    }

    @Transactional(readOnly = true)
    public Positioned<ProjectsView> projects(OrganizationId organization) {
        return positions.readConsistently(organization, position -> new Positioned<>(position,
                new ProjectsView(projects.all(organization))));
    }

    /** @return empty if the organization has no such project */
    @Transactional(readOnly = true)
    public Optional<Positioned<ProjectView>> project(OrganizationId organization, ProjectId project) {
        return positions.readConsistently(organization, position -> projects.find(organization, project)
                .map(found -> new Positioned<>(position, read(organization, found))));
    }

    private ProjectView read(OrganizationId organization, ProjectSummary project) {
        List<ProjectView.Environment> shownEnvironments = environments.of(organization, project.id()).stream()
                .map(environment -> new ProjectView.Environment(environment.id(), environment.name(),
                        environment.labels(), environment.forkOf(),
                        environment.deleted() == null ? null : environment.deleted().at(),
                        environment.deleted() == null ? null : environment.deleted().by()))
                .toList();
        // Shares are read before the resources they name: the statements join shares with existing resources, and
        // a resource is never removed or handed to another project, so every share finds its resource below.
        List<Share> given = shares.givenBy(organization, project.id());
        List<Share> received = shares.receivedBy(organization, project.id());
        List<ResourceView> owned = resources.ownedBy(organization, project.id());
        Map<ResourceId, ResourceView> ownedById = owned.stream()
                .collect(Collectors.toMap(ResourceView::id, Function.identity()));
        Map<ResourceId, ResourceView> sharedWithIt = resources.byIds(organization,
                received.stream().map(Share::resource).distinct().toList());
        return new ProjectView(project.id(), project.name(), project.ownerTeam(), project.createdAt(),
                project.createdBy(), shownEnvironments, packages.of(organization, project.id()), owned,
                given.stream()
                        .map(share -> new ProjectView.ShareGiven(ownedById.get(share.resource()), share.project(),
                                share.grantedBy(), share.since()))
                        .toList(),
                received.stream()
                        .map(share -> {
                            ResourceView resource = sharedWithIt.get(share.resource());
                            return new ProjectView.ShareReceived(resource, resource.owner().project(),
                                    share.grantedBy(), share.since());
                        })
                        .toList());
    }
}

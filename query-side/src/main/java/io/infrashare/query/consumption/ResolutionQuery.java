package io.infrashare.query.consumption;

import io.infrashare.events.EnvironmentId;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.PackageId;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceType;
import io.infrashare.query.NotFound;
import io.infrashare.query.PointInTime;
import io.infrashare.query.Positioned;
import io.infrashare.query.consumption.ConsumptionReadModel.Consumed;
import io.infrashare.query.ingest.Positions;
import io.infrashare.query.project.EnvironmentReadModel;
import io.infrashare.query.project.EnvironmentView;
import io.infrashare.query.project.PackageReadModel;
import io.infrashare.query.resource.ResourceReadModel;
import io.infrashare.query.resource.ResourceView;
import io.infrashare.query.resource.Via;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a package resolves to in an environment: each source that holds a resource for it, in the order of
 * {@link Source}; the first wins and hides the others. The environment's few consumption rows are read whole and
 * picked from, so a resolution is a handful of lookups by key.
 */
@Component
class ResolutionQuery {

    private final Positions positions;
    private final EnvironmentReadModel environments;
    private final PackageReadModel packages;
    private final ConsumptionReadModel consumption;
    private final ResourceReadModel resources;
    private final PointInTime pointInTime;
    private final Clock clock;

    ResolutionQuery(Positions positions, EnvironmentReadModel environments, PackageReadModel packages,
                    ConsumptionReadModel consumption, ResourceReadModel resources, PointInTime pointInTime,
                    Clock clock) {
        this.positions = positions;
        this.environments = environments;
        this.packages = packages;
        this.consumption = consumption;
        this.resources = resources;
        this.pointInTime = pointInTime;
        this.clock = clock;
    }

    /**
     * @return empty if the organization has no such environment; a deleted one, or a package its project does not
     * have, is a 404 of its own
     */
    @Transactional(readOnly = true)
    public Optional<Positioned<ResolutionView>> resolution(OrganizationId organization, EnvironmentId environment,
                                                           PackageId pkg) {
        return positions.readConsistently(organization, position -> environments.find(organization, environment)
                // as of now, to the microsecond of the history's instants, so that asOf can be passed back as `at`
                .map(found -> new Positioned<>(position, resolve(organization, found, pkg, null,
                        clock.instant().truncatedTo(ChronoUnit.MICROS)))));
    }

    /** As it was at {@code at} (see {@link PointInTime}): empty if the environment did not exist yet then. */
    @Transactional(readOnly = true)
    public Optional<Positioned<ResolutionView>> resolution(OrganizationId organization, EnvironmentId environment,
                                                           PackageId pkg, Instant at) {
        long position = pointInTime.positionAt(organization, at);
        return environments.findAt(organization, environment, position)
                .map(found -> new Positioned<>(position, resolve(organization, found, pkg, position, at)));
    }

    /** Now, or at the position when that is not {@code null}. */
    private ResolutionView resolve(OrganizationId organization, EnvironmentView environment, PackageId pkg,
                                   Long position, Instant asOf) {
        if (environment.deleted() != null) {
            throw DeletedEnvironment.notFound(environment);
        }
        ResourceType type = packages.typeOf(organization, environment.project(), pkg, position)
                .orElseThrow(() -> new NotFound("Project '" + environment.project() + "' has no package '" + pkg
                        + "'."));
        List<ResolutionView.Resolved> sources = new ArrayList<>();
        resources.provisionedBy(organization, environment.id(), pkg, position)
                .ifPresent(provisioned -> sources.add(new ResolutionView.Resolved(Source.PROVISIONED, provisioned)));
        List<Consumed> consumed = position == null ? consumption.of(organization, environment.id())
                : consumption.at(organization, environment.id(), position);
        Optional<ResourceId> referenced = slot(consumed, Via.REMOTE_REFERENCE, pkg.value());
        Optional<ResourceId> byDefault = slot(consumed, Via.DEFAULT, type.value());
        List<ResourceId> used = consumed.stream().map(Consumed::resource).distinct().toList();
        Map<ResourceId, ResourceView> views = position == null ? resources.byIds(organization, used)
                : resources.byIdsAt(organization, used, position);
        // a resource missing from the read model was dead-lettered; the source is left out rather than shown without it
        referenced.map(views::get)
                .ifPresent(resource -> sources.add(new ResolutionView.Resolved(Source.REMOTE_REFERENCE, resource)));
        byDefault.map(views::get)
                .ifPresent(resource -> sources.add(new ResolutionView.Resolved(Source.DEFAULT, resource)));
        if (sources.isEmpty()) {
            return new ResolutionView(environment.id(), pkg, type, asOf, Source.NONE, null, List.of());
        }
        ResolutionView.Resolved winner = sources.get(0);
        return new ResolutionView(environment.id(), pkg, type, asOf, winner.source(), winner.resource(),
                List.copyOf(sources.subList(1, sources.size())));
    }

    private static Optional<ResourceId> slot(List<Consumed> consumed, Via via, String slot) {
        return consumed.stream()
                .filter(one -> one.via() == via && one.slot().equals(slot))
                .map(Consumed::resource)
                .findFirst();
    }
}

package io.infrashare.query.consumption;

import io.infrashare.events.EnvironmentId;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.PackageId;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceType;
import io.infrashare.query.PointInTime;
import io.infrashare.query.Positioned;
import io.infrashare.query.consumption.ConsumptionReadModel.Consumed;
import io.infrashare.query.ingest.Positions;
import io.infrashare.query.project.EnvironmentReadModel;
import io.infrashare.query.project.EnvironmentView;
import io.infrashare.query.resource.ResourceReadModel;
import io.infrashare.query.resource.ResourceView;
import io.infrashare.query.resource.Via;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Component
class ConsumptionQuery {

    private static final Logger log = LoggerFactory.getLogger(ConsumptionQuery.class);

    private final Positions positions;
    private final EnvironmentReadModel environments;
    private final ConsumptionReadModel consumption;
    private final ResourceReadModel resources;
    private final PointInTime pointInTime;
    private final Clock clock;

    ConsumptionQuery(Positions positions, EnvironmentReadModel environments, ConsumptionReadModel consumption,
                     ResourceReadModel resources, PointInTime pointInTime, Clock clock) {
        this.pointInTime = pointInTime;
        this.positions = positions;
        this.environments = environments;
        this.consumption = consumption;
        this.resources = resources;
        this.clock = clock;
    }

    /** The view and the position it reflects, read consistently (see {@link Positions#readConsistently}). */
    @Transactional(readOnly = true)
    public Optional<Positioned<ConsumptionView>> consumption(OrganizationId organization, EnvironmentId environment) {
        return positions.readConsistently(organization, position -> read(organization, environment, position));
    }

    private Optional<Positioned<ConsumptionView>> read(OrganizationId organization, EnvironmentId environment,
                                                       long position) {
        return environments.find(organization, environment).map(found -> {
            if (found.deleted() != null) {
                throw DeletedEnvironment.notFound(found);
            }
            List<Consumed> consumed = consumption.of(organization, environment);
            Map<ResourceId, ResourceView> used = resources.byIds(organization, usedBy(consumed));
            // The live view answers as of now: every applied event is in it. Microseconds, the precision of the
            // history's instants, so that asOf can be passed back as `at`.
            Instant asOf = clock.instant().truncatedTo(ChronoUnit.MICROS);
            return view(organization, found, consumed, used, position, asOf);
        });
    }

    /**
     * The view as it was at {@code at} (see {@link PointInTime}), with each resource as it was then. An environment
     * not created yet is empty; one deleted by then is a 404 as in the live view.
     */
    @Transactional(readOnly = true)
    public Optional<Positioned<ConsumptionView>> consumption(OrganizationId organization, EnvironmentId environment,
                                                             Instant at) {
        long position = pointInTime.positionAt(organization, at);
        return environments.findAt(organization, environment, position).map(found -> {
            if (found.deleted() != null) {
                throw DeletedEnvironment.notFound(found);
            }
            List<Consumed> consumed = consumption.at(organization, environment, position);
            Map<ResourceId, ResourceView> used = resources.byIdsAt(organization, usedBy(consumed), position);
            return view(organization, found, consumed, used, position, at);
        });
    }

    private static List<ResourceId> usedBy(List<Consumed> consumed) {
        return consumed.stream().map(Consumed::resource).distinct().toList();
    }

    private static Positioned<ConsumptionView> view(OrganizationId organization, EnvironmentView found,
                                                    List<Consumed> consumed, Map<ResourceId, ResourceView> used,
                                                    long position, Instant asOf) {
        EnvironmentId environment = found.id();
        // A decommissioned resource is shown as it is, status and all: the command side releases whatever consumes a
        // resource before decommissioning it, so one still named here means a release was lost, and hiding it would
        // hide that.
        List<Consumed> shown = consumed.stream()
                .filter(one -> known(one, used, organization, environment))
                .toList();
        List<ConsumptionView.Default> shownDefaults = shown.stream()
                .filter(one -> one.via() == Via.DEFAULT)
                .map(one -> new ConsumptionView.Default(ResourceType.of(one.slot()), used.get(one.resource()),
                        one.since(), one.setBy()))
                .toList();
        List<ConsumptionView.RemoteReference> shownReferences = shown.stream()
                .filter(one -> one.via() == Via.REMOTE_REFERENCE)
                .map(one -> new ConsumptionView.RemoteReference(PackageId.of(one.slot()), used.get(one.resource()),
                        one.since(), one.setBy()))
                .toList();
        return new Positioned<>(position, new ConsumptionView(found.id(), found.project(), asOf, shownDefaults,
                shownReferences));
    }

    /**
     * An organization's history names a resource before anything consumes it, so a missing one means that event was
     * dead-lettered; the default or reference is left out rather than shown without its resource.
     */
    private static boolean known(Consumed consumed, Map<ResourceId, ResourceView> used, OrganizationId organization,
                                 EnvironmentId environment) {
        if (used.containsKey(consumed.resource())) {
            return true;
        }
        log.warn("{} {} of {} in {} names resource {}, which is not in the read model", consumed.via().json(),
                consumed.slot(), environment, organization, consumed.resource());
        return false;
    }
}

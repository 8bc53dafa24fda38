package io.infrashare.query.resource;

import io.infrashare.events.OrganizationId;
import io.infrashare.events.ResourceId;
import io.infrashare.query.PointInTime;
import io.infrashare.query.Positioned;
import io.infrashare.query.ingest.Positions;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

@Component
class ResourceQuery {


    private final Positions positions;
    private final ResourceReadModel resources;
    private final ShareReadModel shares;
    private final ResourceConsumers consumers;
    private final ResourceImpact impact;
    private final PointInTime pointInTime;
    private final Clock clock;

    ResourceQuery(Positions positions, ResourceReadModel resources, ShareReadModel shares,
                  ResourceConsumers consumers, ResourceImpact impact, PointInTime pointInTime, Clock clock) {
        this.positions = positions;
        this.pointInTime = pointInTime;
        this.resources = resources;
        this.shares = shares;
        this.consumers = consumers;
        this.impact = impact;
        this.clock = clock;
    }

    /** @return empty if the organization has no such resource */
    @Transactional(readOnly = true)
    public Optional<Positioned<ResourceView>> resource(OrganizationId organization, ResourceId resource) {
        return positions.readConsistently(organization, position -> resources.find(organization, resource)
                .map(found -> new Positioned<>(position, found)));
    }

    /** @return empty if the organization has no such resource */
    @Transactional(readOnly = true)
    public Optional<Positioned<ConsumersView>> consumers(OrganizationId organization, ResourceId resource) {
        return positions.readConsistently(organization, position -> resources.find(organization, resource)
                .map(found -> new Positioned<>(position, new ConsumersView(found,
                        shares.of(organization, resource).stream()
                                .map(share -> new ConsumersView.Share(share.project(), share.grantedBy(),
                                        share.since()))
                                .toList(),
                        consumers.of(organization, resource)))));
    }

    /** @return empty if the organization had no such resource at {@code at} (see {@link PointInTime}) */
    @Transactional(readOnly = true)
    public Optional<Positioned<ResourceView>> resource(OrganizationId organization, ResourceId resource, Instant at) {
        long position = pointInTime.positionAt(organization, at);
        return resources.findAt(organization, resource, position).map(found -> new Positioned<>(position, found));
    }

    /** @return empty if the organization had no such resource at {@code at} (see {@link PointInTime}) */
    @Transactional(readOnly = true)
    public Optional<Positioned<ConsumersView>> consumers(OrganizationId organization, ResourceId resource,
                                                          Instant at) {
        long position = pointInTime.positionAt(organization, at);
        return resources.findAt(organization, resource, position)
                .map(found -> new Positioned<>(position, new ConsumersView(found,
                        shares.at(organization, resource, position).stream()
                                .map(share -> new ConsumersView.Share(share.project(), share.grantedBy(),
                                        share.since()))
                                .toList(),
                        consumers.at(organization, resource, position))));
    }

    /** @return empty if the organization has no such resource */
    @Transactional(readOnly = true)
    public Optional<Positioned<ImpactView>> impact(OrganizationId organization, ResourceId resource) {
        return positions.readConsistently(organization, position -> resources.find(organization, resource)
                // as of now, to the microsecond of the history's instants, so that asOf can be passed back as `at`
                .map(found -> new Positioned<>(position, new ImpactView(found,
                        clock.instant().truncatedTo(ChronoUnit.MICROS), impact.of(organization, resource, null)))));
    }

    /** @return empty if the organization had no such resource at {@code at} (see {@link PointInTime}) */
    @Transactional(readOnly = true)
    public Optional<Positioned<ImpactView>> impact(OrganizationId organization, ResourceId resource, Instant at) {
        long position = pointInTime.positionAt(organization, at);
        return resources.findAt(organization, resource, position)
                .map(found -> new Positioned<>(position, new ImpactView(found, at,
                        impact.of(organization, resource, position))));
    }
}

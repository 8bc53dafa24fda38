package io.infrashare.query.resource;

import io.infrashare.events.OrganizationId;
import io.infrashare.events.ResourceId;
import io.infrashare.query.PointInTime;
import io.infrashare.query.Positioned;
import io.infrashare.query.ingest.Positions;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Optional;

@Component
class ResourceQuery {


    private final Positions positions;
    private final ResourceReadModel resources;
    private final ShareReadModel shares;
    private final ResourceConsumers consumers;
    private final PointInTime pointInTime;

    ResourceQuery(Positions positions, ResourceReadModel resources, ShareReadModel shares,
                  ResourceConsumers consumers, PointInTime pointInTime) {
        this.positions = positions;
        this.pointInTime = pointInTime;
        this.resources = resources;
        this.shares = shares;
        this.consumers = consumers;
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
}

package io.infrashare.command.project;

import io.infrashare.events.OrganizationId;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;

import java.util.List;

/**
 * Rule 5 of docs/domain.md: a share is not revoked while an environment of that project consumes the resource, and
 * a resource is not decommissioned while anything consumes it. The refusal lists the consumers.
 *
 * <p>Needs the catalog: the consumers are other projects' environments. {@link ResourceCatalog#lockForRemoval}
 * locks the resource's catalog row {@code FOR UPDATE} and only then reads its consumers, so a default or reference
 * taken concurrently ({@link OnlyWhatIsActiveAndSharedIsConsumed}) either committed first and is listed here, or
 * waits for this command and then finds the share or the resource gone. {@code ConsumptionRaceIT} races the two.
 */
final class NothingConsumedIsTakenAway {

    private NothingConsumedIsTakenAway() {
    }

    static void requireNotConsumedThroughShare(ResourceCatalog catalog, OrganizationId organization,
                                               ResourceId resource, ProjectId with) {
        List<Consumer> consumers = catalog.lockForRemoval(organization, resource).stream()
                .filter(consumer -> consumer.project().equals(with))
                .toList();
        if (!consumers.isEmpty()) {
            throw new CommandRefusedException(RefusalCode.SHARE_IN_USE, "Project " + with
                    + " still consumes resource " + resource + ".", consumers);
        }
    }

    static void requireNotConsumed(ResourceCatalog catalog, OrganizationId organization, ResourceId resource) {
        List<Consumer> consumers = catalog.lockForRemoval(organization, resource);
        if (!consumers.isEmpty()) {
            throw new CommandRefusedException(RefusalCode.RESOURCE_IN_USE, "Resource " + resource
                    + " is consumed; release it everywhere before decommissioning it.", consumers);
        }
    }
}

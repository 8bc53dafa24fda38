package io.infrashare.command.project;

import io.infrashare.events.OrganizationId;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceType;

import java.util.List;
import java.util.Optional;

/**
 * What a project needs to know of other projects: whether they exist, the resources they own with their shares, who
 * consumes each resource, and which types are defaultable. Written in the same transaction as the events it is
 * built from, and rebuilt from the event store alone when it does not agree with it.
 *
 * <p>Rules 2 and 5 of docs/domain.md span two projects: the consumer's, which takes a resource, and the owner's, which
 * revokes or decommissions it. Both go through the resource's catalog row: taking a resource holds a shared lock on
 * it until the command commits, revoking or decommissioning an exclusive one, and each reads what it decides on
 * only once it holds the lock. Whichever commits second sees the first one's effect.
 */
public interface ResourceCatalog {

    boolean projectExists(OrganizationId organization, ProjectId project);

    /** The resource as last committed, without locking: for routing and for answers, not for rules 2 and 5. */
    Optional<CatalogedResource> resource(OrganizationId organization, ResourceId resource);

    /** The resource, locked against revocation and decommissioning until the command ends. */
    Optional<CatalogedResource> lockForUse(OrganizationId organization, ResourceId resource);

    /** Locks the resource against new consumers until the command ends, then lists its consumers. */
    List<Consumer> lockForRemoval(OrganizationId organization, ResourceId resource);

    boolean defaultable(OrganizationId organization, ResourceType type);
}

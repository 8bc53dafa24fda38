package io.infrashare.command.project;

import io.infrashare.events.ProjectId;

/**
 * Rule 2 of docs/domain.md: an environment consumes a resource (as a default or a remote reference) only while the
 * resource is active and either shared with the environment's project or imported into that project.
 *
 * <p>Needs the catalog: the resource is another project's, so it is read with
 * {@link ResourceCatalog#lockForUse}, which holds a shared lock on its catalog row until the command commits. A
 * revocation or decommission ({@link NothingConsumedIsTakenAway}) waits for that lock, and then sees this
 * consumer.
 */
final class OnlyWhatIsActiveAndSharedIsConsumed {

    private OnlyWhatIsActiveAndSharedIsConsumed() {
    }

    /** @param resource as {@link ResourceCatalog#lockForUse} read it, in this command */
    static void require(ProjectId consumer, CatalogedResource resource) {
        if (!resource.active()) {
            throw new CommandRefusedException(RefusalCode.RESOURCE_DECOMMISSIONED,
                    "Resource " + resource.id() + " is decommissioned.");
        }
        if (resource.owner().equals(consumer)) {
            if (!resource.imported()) {
                throw new CommandRefusedException(RefusalCode.SAME_PROJECT_RESOURCE, "Resource " + resource.id()
                        + " was provisioned by another environment of project " + consumer
                        + "; environments of one project do not consume each other's resources.");
            }
        } else if (!resource.sharedWith().contains(consumer)) {
            throw new CommandRefusedException(RefusalCode.NOT_SHARED, "Resource " + resource.id()
                    + " of project " + resource.owner() + " is not shared with project " + consumer + ".");
        }
    }
}

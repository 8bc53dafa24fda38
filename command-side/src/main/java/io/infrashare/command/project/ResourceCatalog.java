package io.infrashare.command.project;

import io.infrashare.events.OrganizationId;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;

import java.util.Optional;

/**
 * What a project needs to know of other projects: whether they exist, and the resources they own with their
 * shares. Kept in the same transaction as the events it is built from.
 */
public interface ResourceCatalog {

    boolean projectExists(OrganizationId organization, ProjectId project);

    Optional<CatalogedResource> resource(OrganizationId organization, ResourceId resource);
}

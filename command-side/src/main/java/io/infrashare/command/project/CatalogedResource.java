package io.infrashare.command.project;

import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceType;

import java.util.Set;

public record CatalogedResource(
        ResourceId id,
        ProjectId owner,
        ResourceType type,
        boolean imported,
        boolean active,
        Set<ProjectId> sharedWith) {

    public CatalogedResource {
        sharedWith = Set.copyOf(sharedWith);
    }
}

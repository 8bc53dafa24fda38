package io.infrashare.command.project;

import io.infrashare.events.EnvironmentId;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectId;
import io.infrashare.events.ResourceId;
import io.infrashare.events.ResourceType;

import java.util.Map;

/**
 * A resource as its owning project knows it; what the command API answers about a resource.
 *
 * @param environment the environment that provisioned it, {@code null} if imported
 * @param pkg         the package that produced it, {@code null} if imported
 */
public record ResourceDescription(
        ResourceId id,
        ResourceType type,
        String name,
        Map<String, Object> attributes,
        boolean active,
        ProjectId owner,
        EnvironmentId environment,
        PackageId pkg) {

    public boolean imported() {
        return environment == null;
    }
}

package io.infrashare.command.project;

import io.infrashare.events.EnvironmentId;
import io.infrashare.events.PackageId;
import io.infrashare.events.ProjectId;

/**
 * An environment that consumes a resource, as a refusal lists it.
 *
 * @param via {@link #DEFAULT} or {@link #REMOTE_REFERENCE}
 * @param pkg the referencing package, {@code null} for a default
 */
public record Consumer(EnvironmentId environment, ProjectId project, String via, PackageId pkg) {

    public static final String DEFAULT = "default";
    public static final String REMOTE_REFERENCE = "remote-reference";
}

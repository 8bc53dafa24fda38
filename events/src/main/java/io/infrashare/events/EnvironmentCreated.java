package io.infrashare.events;

import java.util.Map;

/**
 * @param forkOf the environment this one was forked from (a preview environment), or {@code null}
 */
public record EnvironmentCreated(
        OrganizationId organization,
        ProjectId project,
        EnvironmentId environment,
        String name,
        Map<String, String> labels,
        EnvironmentId forkOf,
        Provenance provenance) implements InfrashareEvent {

    public EnvironmentCreated {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    @Override
    public String subject() {
        return "environments/" + environment;
    }
}

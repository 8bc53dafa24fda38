package io.infrashare.query.resource;

import io.infrashare.events.EnvironmentId;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.ResourceId;
import io.infrashare.query.PointInTime;
import io.infrashare.query.resource.ResourceConsumers.Consumption;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every environment a resource reaches: its consumers at depth 1, then the consumers of what those provisioned, and
 * so on. Breadth first, with two statements per depth whatever the number of environments in it (the consumers of
 * every resource reached at the depth before, then what the newly reached environments provisioned), so the cost
 * grows with the depth and the answer, not with one query per environment.
 *
 * <p>Each resource is followed once, from the depth it is first reached at, and each environment's provisioned
 * resources are taken once: that ends the walk on any history, even one where resources of two projects came to
 * consume each other. An environment reached through two resources is listed for each of them, at the depth of each.
 */
@Component
class ResourceImpact {

    private static final Comparator<ImpactView.Affected> ORDER =
            Comparator.comparingInt(ImpactView.Affected::depth)
                    .thenComparing(affected -> affected.environment().value())
                    .thenComparing(affected -> affected.via().json())
                    .thenComparing(affected -> affected.pkg() == null ? "" : affected.pkg().value())
                    .thenComparing(affected -> affected.through().toString());

    private final ResourceConsumers consumers;
    private final ResourceReadModel resources;

    ResourceImpact(ResourceConsumers consumers, ResourceReadModel resources) {
        this.consumers = consumers;
        this.resources = resources;
    }

    /**
     * Sorted by depth, then environment (then way of consuming, package and resource reached through). Now, or at
     * the position (see {@link PointInTime}) when that is not {@code null}: environments live and resources active
     * then.
     */
    List<ImpactView.Affected> of(OrganizationId organization, ResourceId resource, Long position) {
        List<ImpactView.Affected> affected = new ArrayList<>();
        Set<ResourceId> followed = new HashSet<>(List.of(resource));
        Set<EnvironmentId> reached = new HashSet<>();
        List<ResourceId> frontier = List.of(resource);
        for (int depth = 1; !frontier.isEmpty(); depth++) {
            List<EnvironmentId> newlyReached = new ArrayList<>();
            for (Consumption consumption : consumers.of(organization, frontier, position)) {
                affected.add(affected(consumption, depth));
                if (reached.add(consumption.environment())) {
                    newlyReached.add(consumption.environment());
                }
            }
            frontier = resources.provisionedIn(organization, newlyReached, position).stream()
                    .filter(followed::add)
                    .toList();
        }
        affected.sort(ORDER);
        return affected;
    }

    private static ImpactView.Affected affected(Consumption consumption, int depth) {
        return new ImpactView.Affected(consumption.environment(), consumption.project(), consumption.via(),
                consumption.pkg(), depth, consumption.resource());
    }
}

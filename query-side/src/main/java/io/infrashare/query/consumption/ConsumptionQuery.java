package io.infrashare.query.consumption;

import io.infrashare.events.EnvironmentId;
import io.infrashare.events.OrganizationId;
import io.infrashare.events.ResourceId;
import io.infrashare.query.Positioned;
import io.infrashare.query.consumption.EnvironmentDefaultReadModel.EnvironmentDefault;
import io.infrashare.query.ingest.Positions;
import io.infrashare.query.project.EnvironmentReadModel;
import io.infrashare.query.resource.ResourceReadModel;
import io.infrashare.query.resource.ResourceView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Component
class ConsumptionQuery {

    private static final Logger log = LoggerFactory.getLogger(ConsumptionQuery.class);
    private static final int CONSISTENT_READ_ATTEMPTS = 5;

    private final Positions positions;
    private final EnvironmentReadModel environments;
    private final EnvironmentDefaultReadModel defaults;
    private final ResourceReadModel resources;
    private final Clock clock;

    ConsumptionQuery(Positions positions, EnvironmentReadModel environments, EnvironmentDefaultReadModel defaults,
                     ResourceReadModel resources, Clock clock) {
        this.positions = positions;
        this.environments = environments;
        this.defaults = defaults;
        this.resources = resources;
        this.clock = clock;
    }

    /**
     * The view and the position it reflects. Both databases read committed data statement by statement (H2 keeps
     * no snapshot across tables even in repeatable read), so the position is read before and after the view: when
     * they agree, no event of the organization was applied in between and the view is exactly that position's.
     * While events keep arriving the answer says the lower position, which the view reflects at least.
     */
    @Transactional(readOnly = true)
    public Optional<Positioned<ConsumptionView>> consumption(OrganizationId organization, EnvironmentId environment) {
        Optional<Positioned<ConsumptionView>> answer;
        long before;
        long after;
        int attempts = 0;
        do {
            before = positions.current(organization);
            answer = read(organization, environment, before);
            after = positions.current(organization);
        } while (before != after && ++attempts < CONSISTENT_READ_ATTEMPTS);
        return answer;
    }

    private Optional<Positioned<ConsumptionView>> read(OrganizationId organization, EnvironmentId environment,
                                                       long position) {
        return environments.find(organization, environment).map(found -> {
            List<EnvironmentDefault> set = defaults.of(organization, environment);
            Map<ResourceId, ResourceView> used = resources.byIds(organization,
                    set.stream().map(EnvironmentDefault::resource).toList());
            List<ConsumptionView.Default> shown = set.stream()
                    .filter(setDefault -> known(setDefault, used, organization, environment))
                    .map(setDefault -> new ConsumptionView.Default(setDefault.type(),
                            used.get(setDefault.resource()), setDefault.since(), setDefault.setBy()))
                    .toList();
            // The live view answers as of now: every applied event is in it. Microseconds, the precision of the
            // history's instants, so that asOf can be passed back as `at` once point-in-time views exist.
            Instant asOf = clock.instant().truncatedTo(ChronoUnit.MICROS);
            // no event of the contract sets a remote reference yet
            return new Positioned<>(position, new ConsumptionView(found.id(), found.project(), asOf, shown, List.of()));
        });
    }

    /**
     * An organization's history names a resource before any default uses it, so a missing one means that event was
     * dead-lettered; the default is left out rather than shown without its resource.
     */
    private static boolean known(EnvironmentDefault setDefault, Map<ResourceId, ResourceView> used,
                                 OrganizationId organization, EnvironmentId environment) {
        if (used.containsKey(setDefault.resource())) {
            return true;
        }
        log.warn("Default {} of {} in {} names resource {}, which is not in the read model", setDefault.type(),
                environment, organization, setDefault.resource());
        return false;
    }
}

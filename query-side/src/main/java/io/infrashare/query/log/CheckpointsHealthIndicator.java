package io.infrashare.query.log;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code checkpoints} health component. A refused checkpoint leaves it UP: the signer's later checkpoints cover
 * the same entries, and the refusal is shown and logged. A fork makes it DOWN: a trusted key signed a history this
 * side does not hold, which an operator must look into (docs/history-proofs.md). Both are counted since this process
 * started; the log lines stay.
 */
@Component
class CheckpointsHealthIndicator implements HealthIndicator {

    private final CheckpointRefusals refusals;
    private final LogProperties properties;

    CheckpointsHealthIndicator(CheckpointRefusals refusals, LogProperties properties) {
        this.refusals = refusals;
        this.properties = properties;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("topic", properties.checkpointTopic());
        details.put("refused", refusals.count());
        refusals.last().ifPresent(refused -> details.put("lastRefused", refused));
        details.put("forks", refusals.forks());
        return (refusals.forks().isEmpty() ? Health.up() : Health.down()).withDetails(details).build();
    }
}

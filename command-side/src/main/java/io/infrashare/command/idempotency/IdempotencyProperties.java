package io.infrashare.command.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long the answers to writes with an {@code Idempotency-Key} are kept.
 *
 * @param retention at least the 24 hours docs/http-api.md promises; a key may be reused for another request after that
 */
@ConfigurationProperties("infrashare.idempotency")
record IdempotencyProperties(@DefaultValue("48h") Duration retention) {

    static final Duration PROMISED = Duration.ofHours(24);

    IdempotencyProperties {
        if (retention.compareTo(PROMISED) < 0) {
            throw new IllegalArgumentException("infrashare.idempotency.retention must be at least " + PROMISED
                    + " (docs/http-api.md keeps keys at least 24 hours), not " + retention);
        }
    }
}

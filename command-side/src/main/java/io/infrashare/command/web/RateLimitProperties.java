package io.infrashare.command.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many writes one principal may send to one node: a sustained rate and a burst on top, so a pipeline that
 * creates a preview environment per pull request is never slowed while a runaway script is.
 *
 * @param writesPerSecond the sustained rate
 * @param burst           writes allowed at once before the rate applies
 */
@ConfigurationProperties("infrashare.rate-limit")
record RateLimitProperties(@DefaultValue("50") long writesPerSecond, @DefaultValue("500") long burst) {
}

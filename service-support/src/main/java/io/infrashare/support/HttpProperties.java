package io.infrashare.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the HTTP API that both services apply.
 *
 * @param maxBodySize the largest request body accepted; docs/http-api.md answers a larger one with 413
 */
@ConfigurationProperties("infrashare.http")
record HttpProperties(@DefaultValue("64KB") DataSize maxBodySize) {
}

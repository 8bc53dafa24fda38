package io.infrashare.command.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param verifyOnStart whether the node compares the catalog with the event store before it takes requests, and
 *                      rebuilds it when they differ ({@link CatalogCheckOnStart})
 */
@ConfigurationProperties("infrashare.catalog")
record CatalogProperties(@DefaultValue("true") boolean verifyOnStart) {
}

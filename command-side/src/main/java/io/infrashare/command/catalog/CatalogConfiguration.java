package io.infrashare.command.catalog;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** How the catalog takes part in a command's transaction; whether it is checked at start. */
@Configuration
@EnableConfigurationProperties(CatalogProperties.class)
class CatalogConfiguration {

    /** The processing group of the catalog's handlers. */
    static final String PROCESSING_GROUP = "catalog";

    /**
     * The catalog is updated in the command's own transaction (a subscribing processor); a failure there must fail
     * the command, not be logged and skipped as Axon does by default.
     */
    @Autowired
    void catalogFailsTheCommand(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }
}

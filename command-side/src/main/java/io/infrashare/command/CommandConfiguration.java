package io.infrashare.command;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.IdGenerator;
import org.springframework.util.JdkIdGenerator;

import java.time.Clock;

/** The clock and id generator decisions use, injected so that tests can fix them. */
@Configuration
class CommandConfiguration {

    static final String CATALOG = "catalog";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    IdGenerator resourceIds() {
        return new JdkIdGenerator();
    }

    /**
     * The catalog is updated in the command's own transaction; a failure there must fail the command, not be
     * logged and skipped as Axon does by default.
     */
    @Autowired
    void catalogFailsTheCommand(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(CATALOG)
                .registerListenerInvocationErrorHandler(CATALOG, configuration -> PropagatingErrorHandler.instance());
    }
}

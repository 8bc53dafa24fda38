package io.infrashare.command.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * When the node starts, after Axon started its processors and before the web server takes requests, the catalog is
 * compared with what the event store implies and rebuilt if they differ ({@link CatalogRebuild#check()}): a catalog
 * that a hand, a restored backup or a defect left wrong is put right before any command decides on it. The
 * comparison holds up no command of the other nodes; only a rebuild does. A replay that fails
 * stops the start. Turned off by {@code infrashare.catalog.verify-on-start=false}.
 */
@Component
class CatalogCheckOnStart implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CatalogCheckOnStart.class);

    private final CatalogRebuild rebuild;
    private final CatalogProperties properties;
    private volatile boolean running;

    CatalogCheckOnStart(CatalogRebuild rebuild, CatalogProperties properties) {
        this.rebuild = rebuild;
        this.properties = properties;
    }

    @Override
    public void start() {
        if (properties.verifyOnStart()) {
            rebuild.check();
        } else {
            log.info("The catalog is not compared with the event store at start "
                    + "(infrashare.catalog.verify-on-start=false)");
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The web server starts in the phase after Spring Boot's graceful shutdown's, which is later than this one. */
    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 2048;
    }
}

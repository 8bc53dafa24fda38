package io.infrashare.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says at the start of each test run which servers the tests of this JVM get. */
public class InfrastructureReport implements LauncherSessionListener {

    private static final Logger log = LoggerFactory.getLogger(InfrastructureReport.class);

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        log.info("[infrashare tests] {}", TestInfrastructure.kind().description());
    }
}

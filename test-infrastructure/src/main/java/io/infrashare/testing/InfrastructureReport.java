package io.infrashare.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Says at the start of each test run which servers the tests of this JVM get. */
public class InfrastructureReport implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        System.out.println("[infrashare tests] " + TestInfrastructure.kind().description());
    }
}

package io.infrashare.localpostgres;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How a child process learns that its parent died: Linux's parent-death signal, set by util-linux's setpriv before it
 * runs the child's program. Java cannot set it itself. util-linux's setsid first gives the child a session of its own,
 * so that a Ctrl-C in the terminal of {@code ./infrashare} reaches the script, which stops the applications before the
 * database, and not the server directly (PostgreSQL takes SIGINT as a fast shutdown).
 */
final class ParentDeath {

    /** A fast shutdown: the server rolls back what is open, writes a checkpoint and removes its postmaster.pid. */
    private static final List<String> FAST_SHUTDOWN = List.of("setsid", "setpriv", "--pdeathsig", "INT", "--");

    private static List<String> launcher;

    private ParentDeath() {
    }

    /** The words to put before a program so it gets SIGINT when this process dies; none where setpriv cannot. */
    static synchronized List<String> launcher() throws InterruptedException {
        if (launcher == null) {
            launcher = works() ? FAST_SHUTDOWN : List.of();
        }
        return launcher;
    }

    private static boolean works() throws InterruptedException {
        try {
            List<String> command = new ArrayList<>(FAST_SHUTDOWN);
            command.add("true");
            Process probe = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException notThere) {
            return false;
        }
    }
}

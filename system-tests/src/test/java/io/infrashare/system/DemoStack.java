package io.infrashare.system;

import io.infrashare.testing.KafkaBroker;
import io.infrashare.testing.TestInfrastructure;

import java.nio.file.Path;
import java.util.Map;

/**
 * The stack of {@code ./infrashare up} as the system tests start it: the test infrastructure's broker, and both
 * applications from their jars, each a process on a database of its own, with the demo principals. Each side's
 * answers are checked against the document it serves ({@link ServiceProcess}).
 */
record DemoStack(KafkaBroker kafka, ServiceProcess commandSide, ServiceProcess querySide) implements AutoCloseable {

    /** Starts the stack on the data folder; a part that does not start stops the parts started before it. */
    static DemoStack start(Path data) throws Exception {
        KafkaBroker kafka = TestInfrastructure.startKafka();
        ServiceProcess commandSide = null;
        try {
            Map<String, String> environment = Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "INFRASHARE_DATA_DIR", data.toString());
            commandSide = ServiceProcess.start("command-side", ServiceProcess.freePort(),
                    ServiceProcess.on(TestInfrastructure.newDatabase(), environment));
            ServiceProcess querySide = ServiceProcess.start("query-side", ServiceProcess.freePort(),
                    ServiceProcess.on(TestInfrastructure.newDatabase(), environment));
            return new DemoStack(kafka, commandSide, querySide);
        } catch (Exception | AssertionError e) {
            try {
                ServiceProcess.stopAll(commandSide, kafka);
            } catch (Exception | AssertionError also) {
                e.addSuppressed(also);
            }
            throw e;
        }
    }

    /** Stops the query side, the command side and the broker, then fails with what did not match the documents. */
    @Override
    public void close() throws Exception {
        ServiceProcess.stopAll(querySide, commandSide, kafka);
    }
}

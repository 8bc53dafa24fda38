package io.infrashare.faultrun;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short fault run of {@code ./mvnw verify}: the whole stack on real processes, every process killed with
 * SIGKILL at least once under load, then nothing acknowledged lost, nothing applied twice, nothing out of order, and
 * the query side's answers equal to the state folded from the event store. {@code ./infrashare fault-run} runs the
 * long one.
 */
class FaultRunIT {

    @Test
    void everyAcknowledgedCommandIsStoredPublishedAndAppliedOnceInOrderWhileEveryProcessIsKilled() throws Exception {
        Path root = Path.of(System.getProperty("infrashare.root", ".."));
        Settings settings = Settings.defaults(root, Path.of(System.getProperty("fault-run.dir", "target/fault-run")))
                .withDuration(Settings.duration(System.getProperty("fault-run.duration", "PT1M")));
        ByteArrayOutputStream report = new ByteArrayOutputStream();

        Figures figures;
        try (PrintStream out = new PrintStream(report, true, StandardCharsets.UTF_8)) {
            figures = new FaultRun(settings, out).run();
        }
        String printed = report.toString(StandardCharsets.UTF_8);
        System.out.print(printed);

        assertThat(figures.kills()).as(printed).allSatisfy((member, kills) -> assertThat(kills).isPositive());
        assertThat(figures.acknowledged()).as(printed).isGreaterThan(100);
        assertThat(figures.stored()).as(printed).isGreaterThanOrEqualTo(figures.acknowledged());
        assertThat(figures.published()).as(printed).isEqualTo(figures.stored());
        assertThat(figures.applied()).as(printed).isEqualTo(figures.stored());
        assertThat(figures.lost()).as(printed).isZero();
        assertThat(figures.duplicated()).as(printed).isZero();
        assertThat(figures.outOfOrder()).as(printed).isZero();
        assertThat(figures.stateDifferences()).as(printed).isZero();
        assertThat(printed).contains("PASSED");
    }
}

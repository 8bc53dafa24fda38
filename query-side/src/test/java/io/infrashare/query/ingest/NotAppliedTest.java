package io.infrashare.query.ingest;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** The reason an audit entry gives for an event the read models did not apply: a category, never the failure's text. */
class NotAppliedTest {

    @Test
    void aConstraintViolationNamesTheReadModelAndKeepsTheRowOutOfTheMessage() {
        var failure = new ReadModelFailed("environment-default", new DataIntegrityViolationException(
                "Failing row contains (globex, prod-db, 10.0.0.0/16)"));

        NotApplied reason = NotApplied.of(new RuntimeException("batch failed", failure));

        assertThat(reason).isEqualTo(new NotApplied("constraint-violated", "environment-default",
                "The environment-default read model could not apply the event: a constraint of its tables refused it."));
    }

    @Test
    void anotherRefusalOfTheDatabaseIsDatabaseRefused() {
        NotApplied reason = NotApplied.of(new ReadModelFailed("resource", new QueryTimeoutException("select ...")));

        assertThat(reason.category()).isEqualTo("database-refused");
        assertThat(reason.message()).doesNotContain("select");
    }

    @Test
    void aFailureNoReadModelClaimsIsTheReadModelsAltogether() {
        NotApplied reason = NotApplied.of(new IllegalStateException("acme's secret"));

        assertThat(reason).isEqualTo(new NotApplied("read-model-failed", null,
                "The read models could not apply the event: it failed unexpectedly."));
    }

    @Test
    void aReadModelIsNamedByItsClass() {
        assertThat(NotApplied.nameOf(new EnvironmentDefaultReadModel())).isEqualTo("environment-default");
    }

    private static final class EnvironmentDefaultReadModel implements Projection {
        @Override
        public void apply(AppliedEvent applied) {
        }
    }
}

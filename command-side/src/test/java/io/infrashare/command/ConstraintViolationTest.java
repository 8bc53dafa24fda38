package io.infrashare.command;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DuplicateKeyException;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class ConstraintViolationTest {

    /** A violation as PostgreSQL reports it: its fields, NUL-separated, each led by its code letter. */
    private static PSQLException violated(String sqlState, String constraint) {
        return new PSQLException(new ServerErrorMessage("SERROR\0C" + sqlState + "\0Mviolates " + constraint
                + "\0tdomainevententry\0n" + constraint + "\0"));
    }

    /** How the JDBC driver reports a failed batch, which is how the event store appends. */
    private static BatchUpdateException inABatch(PSQLException violation) {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", violation.getSQLState(), 0,
                new long[0], violation);
        batch.setNextException(violation);
        return batch;
    }

    @Test
    void theEventStoresSequenceKeyIsTheOnlyRace() {
        ConstraintViolation violation = ConstraintViolation.in(new EventStoreException("append failed",
                inABatch(violated("23505", ConstraintViolation.SEQUENCE_KEY)))).orElseThrow();

        assertThat(violation).isEqualTo(new ConstraintViolation("23505", ConstraintViolation.SEQUENCE_KEY));
        assertThat(violation.isSequenceConflict()).isTrue();
    }

    @Test
    void anotherUniqueKeyOfTheEventStoreIsNoRace() {
        ConstraintViolation violation = ConstraintViolation.in(
                inABatch(violated("23505", "domainevententry_eventidentifier_key"))).orElseThrow();

        assertThat(violation.constraint()).isEqualTo("domainevententry_eventidentifier_key");
        assertThat(violation.isSequenceConflict()).isFalse();
    }

    @Test
    void aKeyOfTheCatalogIsNoRace() {
        ConstraintViolation violation = ConstraintViolation.in(new DuplicateKeyException("insert failed",
                violated("23505", "resource_share_pkey"))).orElseThrow();

        assertThat(violation.constraint()).isEqualTo("resource_share_pkey");
        assertThat(violation.isSequenceConflict()).isFalse();
    }

    @Test
    void aViolationWithoutTheConstraintsNameIsNoRace() {
        ConstraintViolation violation = ConstraintViolation.in(new SQLException("duplicate", "23505")).orElseThrow();

        assertThat(violation.constraint()).isNull();
        assertThat(violation.isSequenceConflict()).isFalse();
    }

    @Test
    void otherFailuresAreNoViolation() {
        assertThat(ConstraintViolation.in(new SQLException("deadlock detected", "40P01"))).isEmpty();
        assertThat(ConstraintViolation.in(new IllegalStateException("no database involved"))).isEmpty();
    }
}

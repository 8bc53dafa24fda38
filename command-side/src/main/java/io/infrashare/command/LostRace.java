package io.infrashare.command;

import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.ConcurrencyFailureException;

import java.sql.SQLException;

/**
 * A command that lost a race and recorded nothing: another command appended to the same project first (the event
 * store's unique key on aggregate and sequence number, {@link ConstraintViolation#isSequenceConflict()}, which Axon
 * reports as a {@link ConcurrencyException}), or the database chose its transaction as the victim of a deadlock or a
 * serialization failure. Deciding again on the fresh history settles it. Any other violated constraint is not a
 * race.
 */
public final class LostRace {

    private LostRace() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException || cause instanceof ConcurrencyFailureException) {
                return true;
            }
            // SQLSTATE class 40: transaction rollback (serialization failure, deadlock)
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }
}

package io.infrashare.command;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.Optional;

/**
 * A statement the database refused because it would break an integrity constraint (SQLSTATE class 23), with the
 * constraint PostgreSQL names. Only one of them is a race: the event store's unique key on (aggregate, sequence
 * number), which two commands appending to one project at once collide on ({@link #isSequenceConflict()}). Any
 * other, a key of the catalog say, is a defect and fails the command.
 *
 * @param sqlState   the SQLSTATE, {@code 23505} for a unique key
 * @param constraint the constraint's name, or null when the server named none
 */
public record ConstraintViolation(String sqlState, String constraint) {

    /**
     * The event store's unique key on (aggregate, sequence number), as PostgreSQL names the unnamed
     * {@code UNIQUE (aggregateIdentifier, sequenceNumber)} of {@code V1__axon_event_store.sql}.
     */
    public static final String SEQUENCE_KEY = "domainevententry_aggregateidentifier_sequencenumber_key";

    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * The violation among failure's causes, looking also behind a batch's next exceptions: the one the server
     * reported with its constraint if there is one (a failed batch wraps it in an exception of the same SQLSTATE that
     * names none).
     */
    public static Optional<ConstraintViolation> in(Throwable failure) {
        ConstraintViolation unnamed = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            for (SQLException sql = cause instanceof SQLException first ? first : null; sql != null;
                 sql = sql.getNextException()) {
                if (sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                    ConstraintViolation violation = new ConstraintViolation(sql.getSQLState(), constraintOf(sql));
                    if (violation.constraint() != null) {
                        return Optional.of(violation);
                    }
                    unnamed = unnamed == null ? violation : unnamed;
                }
            }
        }
        return Optional.ofNullable(unnamed);
    }

    private static String constraintOf(SQLException violation) {
        ServerErrorMessage message = violation instanceof PSQLException postgres
                ? postgres.getServerErrorMessage() : null;
        return message == null ? null : message.getConstraint();
    }

    /** Whether this is the collision of two appends to one aggregate: a lost race, not a defect. */
    public boolean isSequenceConflict() {
        return UNIQUE_VIOLATION.equals(sqlState) && SEQUENCE_KEY.equals(constraint);
    }
}

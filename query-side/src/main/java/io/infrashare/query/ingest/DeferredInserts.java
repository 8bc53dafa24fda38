package io.infrashare.query.ingest;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows that nothing reads while events are applied (the record of applied events, the audit log) are written when
 * the transaction is about to commit, as one JDBC batch per statement, instead of one round trip per row: applying a
 * poll of the topic is then a few statements per event fewer. Statements run in the order each was first added, so
 * a table written before another still is. A failing batch fails the commit, so the transaction rolls back whole.
 */
@Component
public class DeferredInserts {

    private final NamedParameterJdbcTemplate jdbc;

    DeferredInserts(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a row to write before the current transaction commits. */
    public void add(String sql, SqlParameterSource row) {
        pending().computeIfAbsent(sql, statement -> new ArrayList<>()).add(row);
    }

    /** Writes the current transaction's rows now, for a statement that is about to read them. */
    public void flush() {
        Map<String, List<SqlParameterSource>> rows = bound();
        if (rows != null) {
            write(rows);
        }
    }

    private void write(Map<String, List<SqlParameterSource>> rows) {
        rows.forEach((sql, batch) -> jdbc.batchUpdate(sql, batch.toArray(SqlParameterSource[]::new)));
        rows.clear();
    }

    /** The current transaction's rows, {@code null} before its first. */
    @SuppressWarnings("unchecked")
    private Map<String, List<SqlParameterSource>> bound() {
        return (Map<String, List<SqlParameterSource>>) TransactionSynchronizationManager.getResource(this);
    }

    private Map<String, List<SqlParameterSource>> pending() {
        Map<String, List<SqlParameterSource>> pending = bound();
        if (pending != null) {
            return pending;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Deferred inserts need a transaction to be written in");
        }
        Map<String, List<SqlParameterSource>> rows = new LinkedHashMap<>();
        TransactionSynchronizationManager.bindResource(this, rows);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            // a transaction started inside this one has rows of its own
            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResource(DeferredInserts.this);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(DeferredInserts.this, rows);
            }

            @Override
            public void beforeCommit(boolean readOnly) {
                write(rows);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(DeferredInserts.this);
            }
        });
        return rows;
    }
}

package io.infrashare.query;

import io.infrashare.query.ingest.AppliedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A read model's table of rows as they are now and its history ({@code <table>_history}): the same columns, each
 * version of a row valid over an interval of the organization's positions (see {@link PointInTime}).
 *
 * <p>The read model changes its rows, then says which rows the event {@link #changed}: their open intervals close at
 * the event and every row now under that key opens one. Setting, replacing, clearing and deleting are all recorded
 * that way, so the history is always the sequence of the table's states. {@link #asOf} reads either.
 */
public final class ValidityTable {

    private final JdbcClient jdbc;
    private final String table;
    private final List<String> key;
    private final String columns;

    /**
     * @param key    the columns that name a row within its organization, in the order {@link #changed} is given them
     * @param values the other columns
     */
    public ValidityTable(JdbcClient jdbc, String table, List<String> key, List<String> values) {
        this.jdbc = jdbc;
        this.table = table;
        this.key = key;
        this.columns = Stream.of(List.of("organization"), key, values).flatMap(List::stream)
                .collect(Collectors.joining(", "));
    }

    /**
     * Records in the history what the event did to the rows under the key, once it is done: the values of the key's
     * first columns, all of them for one row, fewer for every row under them (an environment's every consumption).
     */
    public void changed(AppliedEvent applied, String... keyValues) {
        String under = Stream.concat(Stream.of("organization"), key.stream().limit(keyValues.length))
                .map(column -> column + " = :" + column)
                .collect(Collectors.joining(" and "));
        update("update " + table + "_history set valid_to = :at, valid_to_position = :position where " + under
                + " and valid_to_position is null", applied, keyValues);
        update("insert into " + table + "_history (" + columns + ", valid_from, valid_from_position) select "
                + columns + ", :at, :position from " + table + " where " + under, applied, keyValues);
    }

    private void update(String sql, AppliedEvent applied, String... keyValues) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("organization", applied.event().organization().value())
                .param("at", OffsetDateTime.ofInstant(applied.event().provenance().occurredAt(), ZoneOffset.UTC))
                .param("position", applied.position());
        for (int i = 0; i < keyValues.length; i++) {
            statement = statement.param(key.get(i), keyValues[i]);
        }
        statement.update();
    }

    /** See {@link #asOf(String, Long)}. */
    public String asOf(Long position) {
        return asOf(table, position);
    }

    /**
     * The table's rows as they were at the position (see {@link PointInTime}), or as they are now when it is
     * {@code null}: for the {@code from} clause of a statement that binds the position as {@code :position} and names
     * the rows with an alias of its own. Now is the table itself rather than the open intervals: rows projected
     * before V5 have no history until the read models are rebuilt.
     */
    public static String asOf(String table, Long position) {
        return position == null ? table : "(select * from " + table + "_history where " + PointInTime.VALID_AT + ")";
    }
}

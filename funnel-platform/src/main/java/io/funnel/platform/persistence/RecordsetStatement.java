package io.funnel.platform.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.Arrays;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * One native statement in the current transaction over many rows that travel as a single {@link JsonRecordset}
 * parameter, so a batch of any size costs one round trip and one statement text. A statement that changes rows runs
 * through Hibernate as an update (a {@code select pg_advisory_xact_lock} too); one whose rows are read back (an insert
 * ... returning) goes through {@link SessionSelect}, since Hibernate would store a plan for each execution.
 */
public final class RecordsetStatement {

    private final String sql;
    private final String directSql;
    private final List<String> columns;

    /**
     * @param sql the statement, with {@code %s} where it reads the rows (named {@code r})
     * @param columns "name type" of each value of a row, in order
     */
    public RecordsetStatement(String sql, String... columns) {
        String definitions = String.join(", ", columns);
        this.sql = sql.formatted(JsonRecordset.source(definitions));
        this.directSql = sql.formatted(JsonRecordset.source("$1", definitions));
        this.columns = Arrays.stream(columns).map(c -> c.substring(0, c.indexOf(' '))).toList();
    }

    /** Answers how many rows the statement changed; no rows, no statement. */
    public Uni<Integer> execute(List<Object[]> rows) {
        return rows.isEmpty() ? Uni.createFrom().item(0)
                : Panache.getSession().chain(session -> execute(session, rows));
    }

    /** The same in a session the caller holds (code that may no longer be on the session's Vert.x context). */
    public Uni<Integer> execute(Mutiny.Session session, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return session.createNativeQuery(sql).setParameter(1, JsonRecordset.encode(columns, rows)).executeUpdate();
    }

    /** Answers the rows the statement returns, as {@link SessionSelect#rows} does; no rows in, no statement. */
    public Uni<List<Object[]>> returning(List<Object[]> rows) {
        return rows.isEmpty() ? Uni.createFrom().item(List.of())
                : SessionSelect.rows(directSql, JsonRecordset.encode(columns, rows));
    }
}

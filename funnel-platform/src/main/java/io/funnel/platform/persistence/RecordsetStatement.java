package io.funnel.platform.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.Arrays;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * One native statement in the current transaction over many rows that travel as a single {@link JsonRecordset}
 * parameter, so a batch of any size costs one round trip and one plan. It runs as an update whatever it does (also an
 * insert ... returning nothing, or a {@code select pg_advisory_xact_lock}): Hibernate caches a new plan for every
 * execution of a native select and never finds it again, which would fill its plan cache on a hot path.
 */
public final class RecordsetStatement {

    private final String sql;
    private final List<String> columns;

    /**
     * @param sql the statement, with {@code %s} where it reads the rows (named {@code r})
     * @param columns "name type" of each value of a row, in order
     */
    public RecordsetStatement(String sql, String... columns) {
        this.sql = sql.formatted(JsonRecordset.source(String.join(", ", columns)));
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
}

package io.funnel.reporting.persistence;

import io.funnel.platform.persistence.JsonRecordset;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.Arrays;
import java.util.List;

/**
 * One statement that writes many rows: the rows travel as a single JSON parameter which the statement reads back
 * ({@link JsonRecordset}), so a batch of any size costs one round trip and one plan. The statement must fold rows with
 * the same key itself (an upsert may not touch a row twice), by the same rule its conflict clause applies.
 *
 * <p>A bulk load (the rebuild) instead appends the rows to an unindexed staging table and folds it once at the end:
 * upserting batch after batch into a large table means a random index lookup for every row, one pass in key order
 * (which is why statements sort their rows by key) does not.
 */
public final class RowWrite {

    private final String upsert;
    private final String createStaging;
    private final String stage;
    private final String fold;
    private final List<String> columns;

    /**
     * @param name names the staging table
     * @param sql the upsert, with {@code %s} where it reads the rows
     * @param columns "name type" of each value of a row, in order
     */
    public RowWrite(String name, String sql, String... columns) {
        String definitions = String.join(", ", columns);
        String json = JsonRecordset.source(definitions);
        String staging = "staged_" + name;
        this.upsert = sql.formatted(json);
        this.createStaging = "create unlogged table " + staging + " (" + definitions + ")";
        this.stage = "insert into " + staging + " select * from " + json;
        this.fold = sql.formatted(staging + " as r");
        this.columns = Arrays.stream(columns).map(c -> c.substring(0, c.indexOf(' '))).toList();
    }

    public Uni<Void> execute(List<Object[]> rows) {
        return update(upsert, json(rows));
    }

    /** Creates the (unlogged, unindexed) staging table in the first schema of the search path. */
    Uni<Void> createStaging() {
        return update(createStaging);
    }

    /** Appends the rows to the staging table. */
    Uni<Void> stage(List<Object[]> rows) {
        return update(stage, json(rows));
    }

    /** Upserts what was staged, in one statement. */
    public Uni<Void> fold() {
        return update(fold);
    }

    private static Uni<Void> update(String sql, Object... parameters) {
        return Panache.getSession().chain(s -> {
            var query = s.createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }

    private String json(List<Object[]> rows) {
        return JsonRecordset.encode(columns, rows);
    }
}

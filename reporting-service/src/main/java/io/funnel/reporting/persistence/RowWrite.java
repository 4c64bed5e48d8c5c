package io.funnel.reporting.persistence;

import io.funnel.platform.persistence.JsonRecordset;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One statement that writes many rows: the rows travel as a single JSON parameter which the statement reads back
 * ({@link JsonRecordset}), so a batch of any size costs one round trip and one plan. The statement must fold rows with
 * the same key itself (an upsert may not touch a row twice), by the same rule its conflict clause applies.
 *
 * <p>A bulk load (the rebuild) instead appends the rows to an unindexed staging table and folds it once at the end:
 * upserting batch after batch into a large table means a random index lookup for every row, one pass in key order
 * (which is why statements sort their rows by key) does not. Into an empty table the first fold needs no conflict
 * clause ({@link #load()}), since the statement folds its rows itself.
 */
public final class RowWrite {

    private static final Pattern TARGET = Pattern.compile("^\\s*insert into (\\w+)");
    private static final String CONFLICT = "on conflict";

    private final String table;
    private final String upsert;
    private final String createStaging;
    private final String stage;
    private final String fold;
    private final String load;
    private final List<String> columns;

    /**
     * @param name names the staging table
     * @param sql the upsert ({@code insert into <table> ... on conflict ...}), with {@code %s} where it reads the
     *     rows; what it selects has one row per key of its conflict clause
     * @param columns "name type" of each value of a row, in order
     */
    public RowWrite(String name, String sql, String... columns) {
        Matcher target = TARGET.matcher(sql);
        if (!target.find() || !sql.contains(CONFLICT)) {
            throw new IllegalArgumentException("Not an insert ... on conflict: " + sql);
        }
        this.table = target.group(1);
        String definitions = String.join(", ", columns);
        String json = JsonRecordset.source(definitions);
        String staging = "staged_" + name;
        this.upsert = sql.formatted(json);
        this.createStaging = "create unlogged table " + staging + " (" + definitions + ")";
        this.stage = "insert into " + staging + " select * from " + json;
        this.fold = sql.formatted(staging + " as r");
        this.load = sql.substring(0, sql.indexOf(CONFLICT)).formatted(staging + " as r");
        this.columns = Arrays.stream(columns).map(c -> c.substring(0, c.indexOf(' '))).toList();
    }

    /** The table the statement writes. */
    public String table() {
        return table;
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

    /** Inserts what was staged, folded, into its table while that is empty and unkeyed. */
    public Uni<Void> load() {
        return update(load);
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

package io.funnel.platform.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A read outside any transaction, in plain SQL on the reactive pool: through Hibernate, a native select would store a
 * query plan per execution (see {@link SessionSelect}). For reads too large to hold, {@link CursorReads}.
 */
public final class PoolReads {

    private PoolReads() {
    }

    public static <T> Uni<List<T>> list(Pool database, String sql, Function<Row, T> mapper) {
        return list(database, sql, Tuple.tuple(), mapper);
    }

    public static <T> Uni<List<T>> list(Pool database, String sql, Tuple parameters, Function<Row, T> mapper) {
        return database.preparedQuery(sql).execute(parameters).map(rows -> {
            List<T> read = new ArrayList<>(rows.size());
            rows.forEach(row -> read.add(mapper.apply(row)));
            return read;
        });
    }
}

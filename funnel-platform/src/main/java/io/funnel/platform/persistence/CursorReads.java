package io.funnel.platform.persistence;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Cursor;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.function.Function;
import java.util.stream.Collector;

/**
 * Collects a query's rows read through a cursor, a page at a time, in one read transaction: whatever the number of
 * rows, the reader holds one page and the collector's result, never the rows.
 */
public final class CursorReads {

    private CursorReads() {
    }

    public static <T, A, R> Uni<R> collect(Pool database, String sql, Tuple parameters, int pageSize,
            Function<Row, T> mapper, Collector<T, A, R> collector) {
        A container = collector.supplier().get();
        return database.withTransaction(connection -> connection.prepare(sql).chain(statement -> {
            Cursor cursor = statement.cursor(parameters);
            return Multi.createBy().repeating().uni(() -> cursor.read(pageSize))
                    .whilst(rows -> cursor.hasMore())
                    .onItem().invoke(rows -> rows.forEach(row -> collector.accumulator().accept(container,
                            mapper.apply(row))))
                    .onItem().ignoreAsUni();
        })).map(done -> collector.finisher().apply(container));
    }
}

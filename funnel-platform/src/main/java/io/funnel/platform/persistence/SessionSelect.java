package io.funnel.platform.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;

/**
 * A native select (or an insert ... returning) in the current transaction, sent straight on the session's connection.
 * Through Hibernate it would cost a query plan per execution that no later execution finds (Hibernate Reactive 3.2's
 * result-set mapping has no {@code equals}), which on a hot path fills Hibernate's plan cache and slows each lookup in
 * it. Parameters are PostgreSQL's {@code $1, $2, ...}; nothing the session holds unflushed is flushed first, so use it
 * before the transaction changes entities, or for tables no entity maps. Reads outside a transaction use the reactive
 * pool instead.
 */
public final class SessionSelect {

    private SessionSelect() {
    }

    /** Each row's columns, in order, as the PostgreSQL client decodes them. */
    public static Uni<List<Object[]>> rows(String sql, Object... parameters) {
        return Panache.getSession()
                .chain(session -> Uni.createFrom().completionStage(() -> connection(session).select(sql, parameters)))
                .map(result -> {
                    List<Object[]> rows = new ArrayList<>(result.size());
                    result.forEachRemaining(rows::add);
                    return rows;
                });
    }

    private static ReactiveConnection connection(Mutiny.Session session) {
        return ((MutinySessionImpl) session).getReactiveConnection();
    }
}

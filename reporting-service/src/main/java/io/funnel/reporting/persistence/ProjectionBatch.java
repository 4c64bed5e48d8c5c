package io.funnel.reporting.persistence;

import io.funnel.platform.InOrder;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/** The rows a list of events projects to, gathered per statement and written with one statement each. */
public final class ProjectionBatch {

    private final Map<RowWrite, List<Object[]>> rows = new LinkedHashMap<>();

    void add(RowWrite write, Object... values) {
        rows.computeIfAbsent(write, w -> new ArrayList<>()).add(values);
    }

    /** Call inside a transaction; statements run in the order their first row was added. */
    public Uni<Void> write() {
        return each(RowWrite::execute);
    }

    /**
     * Appends the rows to staging tables instead, for {@link RowWrite#fold()} to upsert at the end of a bulk load;
     * creates the staging tables not yet in {@code created} and adds them to it.
     */
    public Uni<Void> stage(Set<RowWrite> created) {
        return each((write, rows) -> (created.add(write) ? write.createStaging() : Uni.createFrom().voidItem())
                .chain(() -> write.stage(rows)));
    }

    private Uni<Void> each(BiFunction<RowWrite, List<Object[]>, Uni<Void>> statement) {
        return InOrder.each(rows.entrySet(), write -> statement.apply(write.getKey(), write.getValue()));
    }
}

package io.funnel.reporting.persistence;

import io.funnel.platform.InOrder;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The tables the projection derives from events (everything but the agreement and goals, which are owned here, and
 * the inbox). A rebuild fills copies of them in the {@code rebuild} schema and swaps them in.
 */
@ApplicationScoped
public class ProjectionTables {

    /** Those that take longest to fold first, so that a rebuild's folds, two at a time, end together. */
    public static final List<String> TABLES = List.of("lead_attribute", "stage_entry", "touch", "visitor_link",
            "sales_contact", "opportunity", "sla_breach", "rejection", "objection", "campaign", "content_item");
    private static final String REBUILD = "rebuild";
    private static final String RETIRED = "retired";
    /** Gives a fresh table (named {@code {table}}) the keys and indexes of the live one. */
    private static final String KEY = """
            do $$ declare ddl text; begin
              for ddl in
                select format('alter table rebuild.%I add constraint %I %s', '{table}', conname,
                              pg_get_constraintdef(oid))
                from pg_constraint where conrelid = cast('public.{table}' as regclass) and contype in ('p', 'u', 'x')
                union all
                select replace(pg_get_indexdef(indexrelid), ' ON public.', ' ON rebuild.')
                from pg_index where indrelid = cast('public.{table}' as regclass) and indexrelid not in
                  (select conindid from pg_constraint where conrelid = cast('public.{table}' as regclass))
              loop execute ddl; end loop;
            end $$""";

    /**
     * Fresh, empty copies (same columns and defaults) in the rebuild schema, without keys or indexes until
     * {@link #folds} gives them theirs.
     */
    public Uni<Void> createFresh() {
        List<String> sql = new ArrayList<>(List.of("drop schema if exists " + REBUILD + " cascade",
                "create schema " + REBUILD));
        TABLES.forEach(t -> sql.add("create table " + REBUILD + "." + t + " (like public." + t
                + " including all excluding indexes)"));
        return execute(sql);
    }

    /**
     * What turns the staged rows into keyed fresh tables: one piece of work per table, each to run in a transaction
     * of its own after {@link #useFresh()}. The first statement that writes a table loads it without conflict checks
     * and the table gets its keys afterwards (building a key once costs a fraction of checking and updating it for
     * every row); the others upsert into it. With nothing staged it keys every fresh table.
     */
    public List<Supplier<Uni<Void>>> folds(Collection<RowWrite> staged) {
        Map<String, List<RowWrite>> writes = staged.stream().collect(Collectors.groupingBy(RowWrite::table));
        return TABLES.stream().map(table -> fold(table, writes.getOrDefault(table, List.of()))).toList();
    }

    private static Supplier<Uni<Void>> fold(String table, List<RowWrite> writes) {
        if (writes.isEmpty()) {
            return () -> key(table);
        }
        return () -> writes.get(0).load().chain(() -> key(table))
                .chain(() -> InOrder.each(writes.subList(1, writes.size()), RowWrite::fold));
    }

    private static Uni<Void> key(String table) {
        return execute(List.of(KEY.replace("{table}", table)));
    }

    /**
     * Call inside a transaction: the projection's unqualified table names resolve to the fresh copies (and new tables
     * go there). Folding staged rows sorts hundreds of thousands of them, in memory rather than in temporary files.
     */
    public Uni<Void> useFresh() {
        return execute(List.of("set local search_path to " + REBUILD + ", public", "set local work_mem = '64MB'"));
    }

    public Uni<Void> usePublic() {
        return execute(List.of("set local search_path to public"));
    }

    /** Call inside a transaction: blocks the live projection until commit, after which it writes the new tables. */
    public Uni<Void> lockLive() {
        return execute(List.of("lock table " + String.join(", ", TABLES.stream().map(t -> "public." + t).toList())
                + " in exclusive mode"));
    }

    /** Call inside the transaction that holds {@link #lockLive()}. */
    public Uni<Void> swap() {
        List<String> sql = new ArrayList<>(List.of("drop schema if exists " + RETIRED + " cascade",
                "create schema " + RETIRED));
        TABLES.forEach(t -> {
            sql.add("alter table public." + t + " set schema " + RETIRED);
            sql.add("alter table " + REBUILD + "." + t + " set schema public");
        });
        return execute(sql);
    }

    public Uni<Void> dropLeftovers() {
        return execute(List.of("drop schema if exists " + RETIRED + " cascade",
                "drop schema if exists " + REBUILD + " cascade"));
    }

    private static Uni<Void> execute(List<String> statements) {
        return InOrder.each(statements, sql -> Panache.getSession()
                .chain(s -> s.createNativeQuery(sql).executeUpdate()));
    }
}

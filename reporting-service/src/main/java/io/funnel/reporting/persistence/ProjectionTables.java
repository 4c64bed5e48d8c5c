package io.funnel.reporting.persistence;

import io.funnel.platform.InOrder;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables the projection derives from events (everything but the agreement and goals, which are owned here, and
 * the inbox). A rebuild fills copies of them in the {@code rebuild} schema and swaps them in.
 */
@ApplicationScoped
public class ProjectionTables {

    public static final List<String> TABLES = List.of("stage_entry", "visitor_link", "lead_attribute",
            "sales_contact", "sla_breach", "rejection", "objection", "opportunity", "touch", "campaign",
            "content_item");
    private static final String REBUILD = "rebuild";
    private static final String RETIRED = "retired";

    /** Fresh, empty copies (same columns, keys and defaults) in the rebuild schema. */
    public Uni<Void> createFresh() {
        List<String> sql = new ArrayList<>(List.of("drop schema if exists " + REBUILD + " cascade",
                "create schema " + REBUILD));
        TABLES.forEach(t -> sql.add("create table " + REBUILD + "." + t + " (like public." + t + " including all)"));
        return execute(sql);
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

package io.funnel.qualification.domain;

import io.funnel.platform.persistence.KeysetPages;
import io.funnel.qualification.persistence.HistoryStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Replays every stored lead against two models a page of leads at a time, so that neither the heap nor one turn of
 * the event loop grows with the number of leads.
 */
@ApplicationScoped
public class HistoryReplay {

    /** Both models' results; {@code millis} is the time spent replaying, without reading. */
    public record Replayed(Simulator.Result proposed, Simulator.Result current, long millis) {
    }

    private final HistoryStore history;
    private final int pageSize;

    public HistoryReplay(HistoryStore history,
            @ConfigProperty(name = "funnel.qualification.simulation.page-size") int pageSize) {
        this.history = history;
        this.pageSize = pageSize;
    }

    /** Call within a session. */
    public Uni<Replayed> replay(Simulator simulator, CompiledModel proposed, CompiledModel current) {
        Simulator.Tally what = simulator.tally(proposed);
        Simulator.Tally now = simulator.tally(current);
        AtomicLong nanos = new AtomicLong();
        return KeysetPages.read(pageSize, (UUID after) -> history.historiesAfter(after, pageSize), LeadHistory::leadId)
                .onItem().invoke(page -> {
                    long started = System.nanoTime();
                    page.forEach(lead -> {
                        what.add(lead);
                        now.add(lead);
                    });
                    nanos.addAndGet(System.nanoTime() - started);
                })
                .onItem().ignoreAsUni()
                .map(done -> new Replayed(what.result(), now.result(), nanos.get() / 1_000_000));
    }
}

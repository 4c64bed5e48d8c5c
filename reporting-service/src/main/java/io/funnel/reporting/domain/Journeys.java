package io.funnel.reporting.domain;

import io.funnel.reporting.persistence.StageEntries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.stream.Collector;

/**
 * Every journey as it stood at an instant, with the lead's profile, streamed into a report's {@link Collector}: a
 * report holds its tallies, never the journeys, so its memory does not grow with the number of leads.
 */
@ApplicationScoped
public class Journeys {

    private final StageEntries entries;

    public Journeys(StageEntries entries) {
        this.entries = entries;
    }

    public <A, R> Uni<R> collect(Instant asOf, Collector<LeadJourney, A, R> collector) {
        return entries.collectJourneys(asOf, collector);
    }
}

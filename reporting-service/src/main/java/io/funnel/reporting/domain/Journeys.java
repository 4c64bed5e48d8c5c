package io.funnel.reporting.domain;

import io.funnel.reporting.persistence.LeadAttributes;
import io.funnel.reporting.persistence.StageEntries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Loads every journey as it stood at an instant, with the lead's profile. */
@ApplicationScoped
public class Journeys {

    private final StageEntries entries;
    private final LeadAttributes attributes;

    public Journeys(StageEntries entries, LeadAttributes attributes) {
        this.entries = entries;
        this.attributes = attributes;
    }

    public Uni<List<LeadJourney>> asOf(Instant asOf) {
        return entries.bySubject(asOf).chain(bySubject -> attributes.all().map(profiles -> bySubject.entrySet()
                .stream()
                .map(e -> new LeadJourney(e.getKey(), e.getValue(),
                        profiles.getOrDefault(e.getKey(), LeadProfile.UNKNOWN)))
                .toList()));
    }
}

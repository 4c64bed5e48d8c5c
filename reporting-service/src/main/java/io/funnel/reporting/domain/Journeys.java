package io.funnel.reporting.domain;

import io.funnel.platform.api.Problem;
import io.funnel.platform.api.ProblemException;
import io.funnel.reporting.persistence.LeadAttributes;
import io.funnel.reporting.persistence.StageEntries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads every journey as it stood at an instant, with the lead's profile. The reports aggregate them in the heap, so
 * beyond {@code funnel.reporting.max-stage-entries} a report is refused with 503 rather than run out of heap, which
 * would also stop the projection's consumers.
 */
@ApplicationScoped
public class Journeys {

    private final StageEntries entries;
    private final LeadAttributes attributes;
    private final long maxStageEntries;

    public Journeys(StageEntries entries, LeadAttributes attributes,
            @ConfigProperty(name = "funnel.reporting.max-stage-entries") long maxStageEntries) {
        this.entries = entries;
        this.attributes = attributes;
        this.maxStageEntries = maxStageEntries;
    }

    public Uni<List<LeadJourney>> asOf(Instant asOf) {
        return entries.countUpTo(asOf).invoke(this::requireWithinLimit)
                .chain(() -> entries.bySubject(asOf))
                .chain(bySubject -> attributes.all().map(profiles -> bySubject.entrySet()
                        .stream()
                        .map(e -> new LeadJourney(e.getKey(), e.getValue(),
                                profiles.getOrDefault(e.getKey(), LeadProfile.UNKNOWN)))
                        .toList()));
    }

    private void requireWithinLimit(long stageEntries) {
        if (stageEntries > maxStageEntries) {
            throw new ProblemException(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "This report would read "
                    + stageEntries + " stage entries into memory, more than funnel.reporting.max-stage-entries ("
                    + maxStageEntries + ") allows for reporting's heap; raise the heap (-Xmx) and this limit together"));
        }
    }
}

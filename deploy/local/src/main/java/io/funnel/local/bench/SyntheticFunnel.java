package io.funnel.local.bench;

import io.funnel.events.ActivityEvent.ActivityType;
import io.funnel.events.ActivityEvent.VisitorActivityRecorded;
import io.funnel.events.FunnelEvent;
import io.funnel.events.LeadEvent.Attribution;
import io.funnel.events.LeadEvent.Consent;
import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.events.LeadEvent.LeadProfile;
import io.funnel.events.LeadEvent.Utm;
import io.funnel.events.PipelineEvent.ContactChannel;
import io.funnel.events.PipelineEvent.LeadAccepted;
import io.funnel.events.PipelineEvent.LeadAssigned;
import io.funnel.events.PipelineEvent.LeadContacted;
import io.funnel.events.PipelineEvent.LeadRejected;
import io.funnel.events.PipelineEvent.OpportunityLost;
import io.funnel.events.PipelineEvent.OpportunityOpened;
import io.funnel.events.PipelineEvent.OpportunityWon;
import io.funnel.events.PipelineEvent.RejectionReason;
import io.funnel.events.QualificationEvent.LeadDisqualified;
import io.funnel.events.QualificationEvent.LeadQualified;
import io.funnel.events.QualificationEvent.LeadScored;
import io.funnel.events.QualificationEvent.PersonaMatched;
import io.funnel.events.QualificationEvent.ScoreContribution;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The event history of made-up leads, as the four services would have written it over the last 90 days: anonymous
 * page views, the capture (with the visitor id), an identified activity, the score and persona, then qualification;
 * qualified leads are assigned and most contacted, some accepted or rejected, and some accepted ones become
 * opportunities that are won or lost. About eight events a lead, all within the 90 days; the same seed gives the
 * same history.
 */
final class SyntheticFunnel {

    private static final String[] CAMPAIGNS = {"spring-webinar", "pricing-ads", "newsletter", "trade-fair"};
    private static final String[] INDUSTRIES = {"construction", "logistics", "retail", "software", "health"};
    private static final String[] COUNTRIES = {"ES", "PT", "FR", "DE", "IT", "GB"};
    private static final String[] PERSONAS = {"operations-lead", "it-buyer", "founder"};
    private static final List<ScoreContribution> WHY = List.of(
            new ScoreContribution("fit.job-title", 20, "Job title Head of Operations matches a buyer role"),
            new ScoreContribution("fit.company-size", 15, "Company of 250 people is in the target range"),
            new ScoreContribution("behaviour.pricing", 25, "Viewed pricing twice in a week"));

    private final SplittableRandom random;
    private final Instant from;
    private long leads;

    SyntheticFunnel(long seed, Instant now) {
        this.random = new SplittableRandom(seed);
        this.from = now.minus(Duration.ofDays(90));
    }

    /** The next lead's events, oldest first. */
    List<FunnelEvent> nextLead() {
        UUID lead = uuid();
        String visitor = "v-" + uuid();
        String campaign = CAMPAIGNS[random.nextInt(CAMPAIGNS.length)];
        Instant at = from.plusSeconds(random.nextLong(Duration.ofDays(50).toSeconds()));
        List<FunnelEvent> events = new ArrayList<>();
        events.add(activity(null, visitor, ActivityType.PAGE_VIEW, campaign, at));
        events.add(activity(null, visitor, ActivityType.PRICING_VIEW, null, at = later(at, 3_600)));
        events.add(captured(lead, visitor, campaign, at = later(at, 86_400)));
        events.add(activity(lead, visitor, ActivityType.CONTENT_DOWNLOAD, campaign, at = later(at, 600)));
        int score = 30 + random.nextInt(60);
        events.add(new LeadScored(lead, score, score / 2, score - score / 2, WHY, 1, at = later(at, 5)));
        String persona = PERSONAS[random.nextInt(PERSONAS.length)];
        events.add(new PersonaMatched(lead, persona, at));
        if (score < 60) {
            if (random.nextInt(4) == 0) {
                events.add(new LeadDisqualified(lead, "score below threshold and no buying role", at));
            }
            leads++;
            return events;
        }
        UUID rep = new UUID(0, 1 + random.nextInt(12));
        events.add(new LeadQualified(lead, score, 60, persona, WHY, at));
        events.add(new LeadAssigned(lead, rep, "iberia", at.plus(Duration.ofHours(4)), at = later(at, 60)));
        if (random.nextInt(10) < 8) {
            events.add(new LeadContacted(lead, rep, ContactChannel.CALL, "interested", at = later(at, 14_400)));
            salesDecision(lead, rep, later(at, 172_800), events);
        }
        leads++;
        return events;
    }

    long leadsSoFar() {
        return leads;
    }

    private void salesDecision(UUID lead, UUID rep, Instant at, List<FunnelEvent> events) {
        int decision = random.nextInt(10);
        if (decision < 3) {
            events.add(new LeadRejected(lead, rep, RejectionReason.TIMING, "budget next year", at));
        } else if (decision < 7) {
            events.add(new LeadAccepted(lead, rep, at));
            if (random.nextBoolean()) {
                UUID opportunity = uuid();
                BigDecimal amount = BigDecimal.valueOf(5_000 + random.nextInt(45_000));
                events.add(new OpportunityOpened(lead, opportunity, amount, "EUR",
                        at.plus(Duration.ofDays(45)).atOffset(ZoneOffset.UTC).toLocalDate(), "DISCOVERY",
                        at = later(at, 86_400)));
                events.add(random.nextInt(3) == 0
                        ? new OpportunityWon(lead, opportunity, amount, "EUR", later(at, 2_592_000))
                        : new OpportunityLost(lead, opportunity, "price", "too expensive", later(at, 2_592_000)));
            }
        }
    }

    private LeadCaptured captured(UUID lead, String visitor, String campaign, Instant at) {
        String industry = INDUSTRIES[random.nextInt(INDUSTRIES.length)];
        LeadProfile profile = new LeadProfile("lead." + lead + "@obras.example", "Ana", "García", "+34 600 000 000",
                "Obras " + industry, "Head of Operations", 50 + random.nextInt(950), industry,
                COUNTRIES[random.nextInt(COUNTRIES.length)]);
        Attribution attribution = new Attribution("webinar", campaign,
                new Utm("linkedin", "paid", campaign, null, "banner-a"), Map.of("interest", "fleet"));
        return new LeadCaptured(lead, profile, attribution, new Consent(true, "Send me news", "2026-01"), visitor, at);
    }

    private VisitorActivityRecorded activity(UUID lead, String visitor, ActivityType type, String campaign,
            Instant at) {
        return new VisitorActivityRecorded(uuid(), visitor, lead, type,
                "https://obras.example/" + type.name().toLowerCase(), null, campaign, at);
    }

    private UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    private Instant later(Instant at, int upToSeconds) {
        return at.plusSeconds(1 + random.nextInt(upToSeconds));
    }
}

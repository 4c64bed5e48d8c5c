package io.funnel.events;

import io.funnel.events.ActivityEvent.ActivityType;
import io.funnel.events.ActivityEvent.VisitorActivityRecorded;
import io.funnel.events.AgreementEvent.AgreementUpdated;
import io.funnel.events.LeadEvent.Attribution;
import io.funnel.events.LeadEvent.Consent;
import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.events.LeadEvent.LeadErased;
import io.funnel.events.LeadEvent.LeadMerged;
import io.funnel.events.LeadEvent.LeadProfile;
import io.funnel.events.LeadEvent.LeadUpdated;
import io.funnel.events.LeadEvent.Utm;
import io.funnel.events.MarketingEvent.CampaignLaunched;
import io.funnel.events.MarketingEvent.ContentPublished;
import io.funnel.events.PipelineEvent.ContactChannel;
import io.funnel.events.PipelineEvent.LeadAccepted;
import io.funnel.events.PipelineEvent.LeadAssigned;
import io.funnel.events.PipelineEvent.LeadContacted;
import io.funnel.events.PipelineEvent.LeadRejected;
import io.funnel.events.PipelineEvent.ObjectionLogged;
import io.funnel.events.PipelineEvent.OpportunityLost;
import io.funnel.events.PipelineEvent.OpportunityOpened;
import io.funnel.events.PipelineEvent.OpportunityStageChanged;
import io.funnel.events.PipelineEvent.OpportunityWon;
import io.funnel.events.PipelineEvent.RejectionReason;
import io.funnel.events.PipelineEvent.SlaAtRisk;
import io.funnel.events.PipelineEvent.SlaBreached;
import io.funnel.events.PipelineEvent.SlaKind;
import io.funnel.events.QualificationEvent.LeadDisqualified;
import io.funnel.events.QualificationEvent.LeadQualified;
import io.funnel.events.QualificationEvent.LeadScored;
import io.funnel.events.QualificationEvent.PersonaMatched;
import io.funnel.events.QualificationEvent.ScoreContribution;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One fully populated instance of every event type. */
final class SampleEvents {

    static final UUID LEAD = UUID.fromString("3f1c2b9e-7d4a-4e51-9a0b-1c2d3e4f5a6b");
    static final UUID REP = UUID.fromString("0b7e1d2c-3a4f-4b5c-8d9e-0f1a2b3c4d5e");
    static final UUID OPPORTUNITY = UUID.fromString("9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d");
    static final Instant AT = Instant.parse("2026-03-02T09:15:30Z");

    private SampleEvents() {
    }

    static List<FunnelEvent> all() {
        LeadProfile profile = new LeadProfile("ana@acme.example", "Ana", "García", "+34 600 000 000", "Acme",
                "Head of Marketing", 250, "construction", "ES");
        Attribution attribution = new Attribution("webinar", "spring-launch",
                new Utm("linkedin", "paid", "spring-launch", "crm", "video"), Map.of("budget", "50k"));
        List<ScoreContribution> why = List.of(new ScoreContribution("fit.title", 20, "Job title matches 'head of'"));
        return List.of(
                new VisitorActivityRecorded(UUID.randomUUID(), "v-123", null, ActivityType.CONTENT_DOWNLOAD,
                        "https://acme.example/guide", "guide-1", "spring-launch", AT),
                new LeadCaptured(LEAD, profile, attribution, new Consent(true, "Send me news", "2026-01"), "v-123", AT),
                new LeadUpdated(LEAD, profile, attribution, AT),
                new LeadMerged(LEAD, "v-456", attribution, AT),
                new LeadErased(LEAD, AT),
                new CampaignLaunched(UUID.randomUUID(), "Spring launch", "linkedin", LocalDate.of(2026, 3, 1),
                        LocalDate.of(2026, 4, 30), AT),
                new ContentPublished(UUID.randomUUID(), "Buyer's guide", "ebook", UUID.randomUUID(), "Marta", AT),
                new LeadScored(LEAD, 65, 40, 25, why, 3, AT),
                new LeadQualified(LEAD, 65, 60, "Construction manager", why, AT),
                new LeadDisqualified(LEAD, "competitor domain", AT),
                new PersonaMatched(LEAD, "Construction manager", AT),
                new LeadAssigned(LEAD, REP, "default", AT.plusSeconds(3600), AT),
                new LeadContacted(LEAD, REP, ContactChannel.CALL, "left voicemail", AT),
                new LeadAccepted(LEAD, REP, AT),
                new LeadRejected(LEAD, REP, RejectionReason.NO_BUDGET, "next fiscal year", AT),
                new OpportunityOpened(LEAD, OPPORTUNITY, new BigDecimal("48000.00"), "EUR", LocalDate.of(2026, 9, 30),
                        "DISCOVERY", AT),
                new OpportunityStageChanged(LEAD, OPPORTUNITY, "PROPOSAL", AT),
                new OpportunityWon(LEAD, OPPORTUNITY, new BigDecimal("45000.00"), "EUR", AT),
                new OpportunityLost(LEAD, OPPORTUNITY, "PRICE", "Too expensive for a pilot", AT),
                new ObjectionLogged(LEAD, OPPORTUNITY, "PRICE", "Wants monthly billing", AT),
                new SlaAtRisk(LEAD, REP, SlaKind.FIRST_CONTACT, AT.plusSeconds(3600), AT),
                new SlaBreached(LEAD, REP, SlaKind.DECISION, AT.plusSeconds(7200), AT),
                new AgreementUpdated(2, 60, "Construction manager", 120, new BigDecimal("0.50"), 4, 5,
                        new BigDecimal("250000"), "EUR", "marketing@acme.example", "sales@acme.example", AT, AT));
    }
}

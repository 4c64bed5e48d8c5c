package io.funnel.reporting.domain;

import io.funnel.events.ActivityEvent.VisitorActivityRecorded;
import io.funnel.events.FunnelEvent;
import io.funnel.events.LeadEvent.Attribution;
import io.funnel.events.LeadEvent.LeadCaptured;
import io.funnel.events.LeadEvent.LeadMerged;
import io.funnel.events.LeadEvent.Utm;
import io.funnel.events.LifecycleStage;
import io.funnel.events.MarketingEvent.CampaignLaunched;
import io.funnel.events.MarketingEvent.ContentPublished;
import io.funnel.events.PipelineEvent.LeadAccepted;
import io.funnel.events.PipelineEvent.LeadAssigned;
import io.funnel.events.PipelineEvent.LeadContacted;
import io.funnel.events.PipelineEvent.LeadRejected;
import io.funnel.events.PipelineEvent.ObjectionLogged;
import io.funnel.events.PipelineEvent.OpportunityLost;
import io.funnel.events.PipelineEvent.OpportunityOpened;
import io.funnel.events.PipelineEvent.OpportunityWon;
import io.funnel.events.PipelineEvent.SlaBreached;
import io.funnel.events.QualificationEvent.LeadDisqualified;
import io.funnel.events.QualificationEvent.LeadQualified;
import io.funnel.events.QualificationEvent.PersonaMatched;
import io.funnel.reporting.persistence.LeadAttributes;
import io.funnel.reporting.persistence.MarketingCalendar;
import io.funnel.reporting.persistence.SalesContacts;
import io.funnel.reporting.persistence.SalesFeedback;
import io.funnel.reporting.persistence.Touches;
import io.funnel.reporting.persistence.StageEntries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Projects every event into the read tables: stage entries, lead attributes, sales contacts and SLA breaches,
 * rejections, objections and opportunities, touches and the marketing calendar. Every write is an idempotent upsert
 * that keeps the earliest (or, for persona and rep, the latest) event time, so the same events in any order and any
 * number of times give the same tables.
 */
@ApplicationScoped
public class FunnelProjection {

    private final StageEntries entries;
    private final LeadAttributes attributes;
    private final SalesContacts contacts;
    private final SalesFeedback feedback;
    private final Touches touches;
    private final MarketingCalendar calendar;

    public FunnelProjection(StageEntries entries, LeadAttributes attributes, SalesContacts contacts,
            SalesFeedback feedback, Touches touches, MarketingCalendar calendar) {
        this.entries = entries;
        this.attributes = attributes;
        this.contacts = contacts;
        this.feedback = feedback;
        this.touches = touches;
        this.calendar = calendar;
    }

    public Uni<Void> apply(FunnelEvent event) {
        if (event instanceof LeadCaptured c) {
            Uni<Void> entered = entries.enter(lead(c.leadId()), LifecycleStage.VISITOR, c.occurredAt())
                    .chain(() -> entries.enter(lead(c.leadId()), LifecycleStage.LEAD, c.occurredAt()))
                    .chain(() -> attribute(c.leadId(), c.attribution(), c.occurredAt()));
            return c.visitorId() == null ? entered : entered.chain(() -> entries.link(c.visitorId(), c.leadId()));
        }
        if (event instanceof PersonaMatched p) {
            return attributes.persona(p.leadId(), p.persona(), p.occurredAt());
        }
        if (event instanceof LeadAssigned a) {
            return attributes.rep(a.leadId(), a.repId(), a.occurredAt())
                    .chain(() -> contacts.assigned(a.leadId(), a.occurredAt(), a.firstContactDue()));
        }
        if (event instanceof LeadContacted c) {
            return contacts.contacted(c.leadId(), c.occurredAt());
        }
        if (event instanceof SlaBreached b) {
            return contacts.breached(b.leadId(), b.kind().name(), b.dueAt(), b.repId(), b.occurredAt());
        }
        if (event instanceof LeadMerged m && m.visitorId() != null) {
            return entries.link(m.visitorId(), m.leadId());
        }
        if (event instanceof VisitorActivityRecorded a) {
            String subject = a.leadId() != null ? lead(a.leadId()) : StageEntries.visitor(a.visitorId());
            Uni<Void> entered = entries.enter(subject, LifecycleStage.VISITOR, a.occurredAt());
            String campaign = blankToNull(a.campaign());
            String content = blankToNull(a.contentId());
            return campaign == null && content == null ? entered
                    : entered.chain(() -> touches.touched(a.activityId(), subject, campaign, content, a.occurredAt()));
        }
        if (event instanceof LeadQualified q) {
            return enter(q.leadId(), LifecycleStage.MQL, q.occurredAt());
        }
        if (event instanceof LeadDisqualified d) {
            return enter(d.leadId(), LifecycleStage.DISQUALIFIED, d.occurredAt());
        }
        if (event instanceof LeadAccepted a) {
            return enter(a.leadId(), LifecycleStage.SQL, a.occurredAt());
        }
        if (event instanceof LeadRejected r) {
            return enter(r.leadId(), LifecycleStage.RECYCLED, r.occurredAt())
                    .chain(() -> feedback.rejected(r.leadId(), r.reason().name(), r.occurredAt()));
        }
        if (event instanceof OpportunityOpened o) {
            return enter(o.leadId(), LifecycleStage.OPPORTUNITY, o.occurredAt())
                    .chain(() -> feedback.opened(o.opportunityId(), o.leadId(), o.amount(), o.currency(),
                            o.occurredAt()));
        }
        if (event instanceof OpportunityWon w) {
            return enter(w.leadId(), LifecycleStage.CUSTOMER, w.occurredAt())
                    .chain(() -> feedback.won(w.opportunityId(), w.leadId(), w.amount(), w.occurredAt()));
        }
        if (event instanceof OpportunityLost l) {
            return enter(l.leadId(), LifecycleStage.LOST, l.occurredAt())
                    .chain(() -> feedback.lost(l.opportunityId(), l.leadId(), l.reason(), l.objection(),
                            l.occurredAt()));
        }
        if (event instanceof CampaignLaunched c) {
            return calendar.launched(c);
        }
        if (event instanceof ContentPublished c) {
            return calendar.published(c);
        }
        if (event instanceof ObjectionLogged o) {
            return feedback.objection(o.leadId(), o.category(), o.occurredAt());
        }
        return Uni.createFrom().voidItem();
    }

    /** First touch: the source and campaign named at capture, falling back to the UTM tags. */
    private Uni<Void> attribute(UUID leadId, Attribution attribution, Instant at) {
        if (attribution == null) {
            return attributes.attribute(leadId, null, null, null, at);
        }
        Utm utm = attribution.utm();
        return attributes.attribute(leadId,
                firstPresent(attribution.source(), utm == null ? null : utm.source()),
                firstPresent(attribution.campaign(), utm == null ? null : utm.campaign()),
                utm == null ? null : blankToNull(utm.content()), at);
    }

    private static String firstPresent(String preferred, String fallback) {
        String value = blankToNull(preferred);
        return value != null ? value : blankToNull(fallback);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Uni<Void> enter(UUID leadId, LifecycleStage stage, Instant at) {
        return entries.enter(lead(leadId), stage, at);
    }

    private static String lead(UUID leadId) {
        return leadId.toString();
    }
}

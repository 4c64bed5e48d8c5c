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
import io.funnel.reporting.persistence.ProjectionBatch;
import io.funnel.reporting.persistence.SalesContacts;
import io.funnel.reporting.persistence.SalesFeedback;
import io.funnel.reporting.persistence.Touches;
import io.funnel.reporting.persistence.StageEntries;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
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

    /** Projects the events with one statement per kind of row; call inside a transaction. */
    public Uni<Void> apply(List<FunnelEvent> events) {
        return rowsOf(events).write();
    }

    public ProjectionBatch rowsOf(List<FunnelEvent> events) {
        ProjectionBatch batch = new ProjectionBatch();
        events.forEach(event -> collect(event, batch));
        return batch;
    }

    private void collect(FunnelEvent event, ProjectionBatch batch) {
        if (event instanceof LeadCaptured c) {
            entries.enter(batch, lead(c.leadId()), LifecycleStage.VISITOR, c.occurredAt());
            entries.enter(batch, lead(c.leadId()), LifecycleStage.LEAD, c.occurredAt());
            attribute(batch, c.leadId(), c.attribution(), c.occurredAt());
            if (c.visitorId() != null) {
                entries.link(batch, c.visitorId(), c.leadId());
            }
        } else if (event instanceof PersonaMatched p) {
            attributes.persona(batch, p.leadId(), p.persona(), p.occurredAt());
        } else if (event instanceof LeadAssigned a) {
            attributes.rep(batch, a.leadId(), a.repId(), a.occurredAt());
            contacts.assigned(batch, a.leadId(), a.occurredAt(), a.firstContactDue());
        } else if (event instanceof LeadContacted c) {
            contacts.contacted(batch, c.leadId(), c.occurredAt());
        } else if (event instanceof SlaBreached b) {
            contacts.breached(batch, b.leadId(), b.kind().name(), b.dueAt(), b.repId(), b.occurredAt());
        } else if (event instanceof LeadMerged m && m.visitorId() != null) {
            entries.link(batch, m.visitorId(), m.leadId());
        } else if (event instanceof VisitorActivityRecorded a) {
            String subject = a.leadId() != null ? lead(a.leadId()) : StageEntries.visitor(a.visitorId());
            entries.enter(batch, subject, LifecycleStage.VISITOR, a.occurredAt());
            String campaign = blankToNull(a.campaign());
            String content = blankToNull(a.contentId());
            if (campaign != null || content != null) {
                touches.touched(batch, a.activityId(), subject, campaign, content, a.occurredAt());
            }
        } else if (event instanceof LeadQualified q) {
            enter(batch, q.leadId(), LifecycleStage.MQL, q.occurredAt());
        } else if (event instanceof LeadDisqualified d) {
            enter(batch, d.leadId(), LifecycleStage.DISQUALIFIED, d.occurredAt());
        } else if (event instanceof LeadAccepted a) {
            enter(batch, a.leadId(), LifecycleStage.SQL, a.occurredAt());
        } else if (event instanceof LeadRejected r) {
            enter(batch, r.leadId(), LifecycleStage.RECYCLED, r.occurredAt());
            feedback.rejected(batch, r.leadId(), r.reason().name(), r.occurredAt());
        } else if (event instanceof OpportunityOpened o) {
            enter(batch, o.leadId(), LifecycleStage.OPPORTUNITY, o.occurredAt());
            feedback.opened(batch, o.opportunityId(), o.leadId(), o.amount(), o.currency(), o.occurredAt());
        } else if (event instanceof OpportunityWon w) {
            enter(batch, w.leadId(), LifecycleStage.CUSTOMER, w.occurredAt());
            feedback.won(batch, w.opportunityId(), w.leadId(), w.amount(), w.occurredAt());
        } else if (event instanceof OpportunityLost l) {
            enter(batch, l.leadId(), LifecycleStage.LOST, l.occurredAt());
            feedback.lost(batch, l.opportunityId(), l.leadId(), l.reason(), l.objection(), l.occurredAt());
        } else if (event instanceof CampaignLaunched c) {
            calendar.launched(batch, c);
        } else if (event instanceof ContentPublished c) {
            calendar.published(batch, c);
        } else if (event instanceof ObjectionLogged o) {
            feedback.objection(batch, o.leadId(), o.category(), o.occurredAt());
        }
    }

    /** First touch: the source and campaign named at capture, falling back to the UTM tags. */
    private void attribute(ProjectionBatch batch, UUID leadId, Attribution attribution, Instant at) {
        if (attribution == null) {
            attributes.attribute(batch, leadId, null, null, null, at);
            return;
        }
        Utm utm = attribution.utm();
        attributes.attribute(batch, leadId,
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

    private void enter(ProjectionBatch batch, UUID leadId, LifecycleStage stage, Instant at) {
        entries.enter(batch, lead(leadId), stage, at);
    }

    private static String lead(UUID leadId) {
        return leadId.toString();
    }
}

package io.funnel.qualification.domain;

import io.funnel.events.ActivityEvent.VisitorActivityRecorded;
import io.funnel.events.AgreementEvent.AgreementUpdated;
import io.funnel.events.LeadEvent.LeadProfile;
import io.funnel.platform.InOrder;
import io.funnel.qualification.domain.LeadHistory.Outcome;
import io.funnel.qualification.persistence.HistoryStore;
import io.funnel.qualification.persistence.ScoredLead;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Applies what happened to a lead (profile, activity, sales outcome, a new agreement) and rescores it. Runs inside the
 * consumer's transaction, so the score, the events and the processed-event mark commit together.
 */
@ApplicationScoped
public class LeadQualifier {

    private final Rescorer rescorer;
    private final HistoryStore history;
    private final AgreementBook agreements;

    public LeadQualifier(Rescorer rescorer, HistoryStore history, AgreementBook agreements) {
        this.rescorer = rescorer;
        this.history = history;
        this.agreements = agreements;
    }

    /** Applies the lead's profile as of {@code at}; a profile older than the one applied is ignored. */
    public Uni<Void> onProfile(UUID leadId, LeadProfile profile, Instant at, String cause) {
        return history.lockLead(leadId).chain(() -> history.scoredLead(leadId)).chain(known -> {
            if (known != null && known.profileAt.isAfter(at)) {
                if (at.isBefore(known.capturedAt)) {
                    known.capturedAt = at;
                }
                return Uni.createFrom().voidItem();
            }
            return (known != null ? Uni.createFrom().item(known) : newLead(leadId, at))
                    .chain(lead -> applyProfile(lead, profile, at, cause));
        });
    }

    private Uni<Void> applyProfile(ScoredLead lead, LeadProfile profile, Instant at, String cause) {
        lead.jobTitle = profile.jobTitle();
        lead.companySize = profile.companySize();
        lead.industry = profile.industry();
        lead.country = profile.country();
        lead.emailDomain = profile.emailDomain();
        lead.hasPhone = profile.phone() != null && !profile.phone().isBlank();
        lead.profileAt = at;
        return rescorer.rescore(lead, at, cause);
    }

    /** Stores an identified lead's activity and rescores; anonymous activity is not scored here. */
    public Uni<Void> onActivity(VisitorActivityRecorded activity) {
        if (activity.leadId() == null) {
            return Uni.createFrom().voidItem();
        }
        UUID leadId = activity.leadId();
        Activity stored = new Activity(activity.activityId(), activity.type(), activity.occurredAt());
        return history.lockLead(leadId)
                .chain(() -> history.addActivity(leadId, stored))
                .chain(added -> !added ? Uni.createFrom().voidItem()
                        : ScoredLead.<ScoredLead>findById(leadId).chain(lead -> lead == null
                                ? Uni.createFrom().voidItem() // scored with this activity once its profile arrives
                                : rescorer.rescore(lead, activity.occurredAt(), "VisitorActivityRecorded")));
    }

    /**
     * Sales sent the lead back to nurture: it may qualify again only after new engagement. A lead not known yet (its
     * profile comes later, e.g. in a replay) gets the stored rejection when it is.
     */
    public Uni<Void> onRejected(UUID leadId, Instant at) {
        return history.lockLead(leadId)
                .chain(() -> history.addOutcome(leadId, Outcome.REJECTED, at))
                .chain(() -> ScoredLead.<ScoredLead>findById(leadId))
                .chain(lead -> {
                    if (lead == null || (lead.rejectedAt != null && !at.isAfter(lead.rejectedAt))) {
                        return Uni.createFrom().voidItem();
                    }
                    lead.rejectedAt = at;
                    if (lead.qualifiedAt != null && !lead.qualifiedAt.isAfter(at)) {
                        lead.qualifiedAt = null;
                    }
                    return rescorer.rescore(lead, at, "LeadRejected");
                });
    }

    public Uni<Void> onOutcome(UUID leadId, Outcome outcome, Instant at) {
        return history.addOutcome(leadId, outcome, at);
    }

    /**
     * A new MQL definition changes no score, only which leads are MQLs: a lead not yet MQL nor disqualified, with a
     * stored score at the new threshold, is rescored if the definition in force now makes it one. MQLs stay MQLs.
     */
    public Uni<Void> onAgreement(AgreementUpdated agreement) {
        return agreements.record(agreement)
                .chain(() -> notYetMqlAtOrAbove(agreement.mqlThreshold()))
                .chain(candidates -> InOrder.each(candidates, leadId -> history.lockLead(leadId)
                        .chain(() -> ScoredLead.<ScoredLead>findById(leadId))
                        .chain(lead -> rescorer.rescoreIfQualifies(lead, agreement.occurredAt(), "AgreementUpdated"))));
    }

    /** Right to be forgotten: keep the score, drop what describes the person. */
    public Uni<Void> onErased(UUID leadId) {
        return ScoredLead.update("jobTitle = null, emailDomain = null, country = null, explanation = null "
                + "where leadId = ?1", leadId).replaceWithVoid();
    }

    /** Ids only: each lead is read again under its lock, as the other consumers may be changing it meanwhile. */
    private static Uni<List<UUID>> notYetMqlAtOrAbove(int threshold) {
        return Panache.getSession().chain(s -> s.createSelectionQuery("select l.leadId from ScoredLead l"
                        + " where l.qualifiedAt is null and l.disqualifiedAt is null and l.total >= ?1", UUID.class)
                .setParameter(1, threshold)
                .getResultList());
    }

    /** A lead seen for the first time; sales may have rejected it already (events on other topics come first). */
    private Uni<ScoredLead> newLead(UUID leadId, Instant at) {
        return history.lastRejection(leadId).map(rejectedAt -> {
            ScoredLead lead = new ScoredLead();
            lead.leadId = leadId;
            lead.capturedAt = at;
            lead.rejectedAt = rejectedAt;
            return lead;
        });
    }
}

package io.funnel.qualification.domain;

import io.funnel.events.ActivityEvent.VisitorActivityRecorded;
import io.funnel.events.AgreementEvent.AgreementUpdated;
import io.funnel.events.LeadEvent.LeadProfile;
import io.funnel.qualification.domain.LeadHistory.Outcome;
import io.funnel.qualification.persistence.HistoryStore;
import io.funnel.qualification.persistence.ScoredLead;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
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
        return history.lockLead(leadId).chain(() -> ScoredLead.<ScoredLead>findById(leadId)).chain(known -> {
            if (known != null && known.profileAt.isAfter(at)) {
                if (at.isBefore(known.capturedAt)) {
                    known.capturedAt = at;
                }
                return Uni.createFrom().voidItem();
            }
            ScoredLead lead = known != null ? known : newLead(leadId, at);
            lead.jobTitle = profile.jobTitle();
            lead.companySize = profile.companySize();
            lead.industry = profile.industry();
            lead.country = profile.country();
            lead.emailDomain = profile.emailDomain();
            lead.hasPhone = profile.phone() != null && !profile.phone().isBlank();
            lead.profileAt = at;
            return rescorer.rescore(lead, at, cause);
        });
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

    /** Sales sent the lead back to nurture: it may qualify again only after new engagement. */
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

    /** A new MQL definition: leads it may newly qualify are rescored. */
    public Uni<Void> onAgreement(AgreementUpdated agreement) {
        return agreements.record(agreement)
                .chain(() -> ScoredLead.<ScoredLead>list("qualifiedAt is null and disqualifiedAt is null"
                        + " and total >= ?1", agreement.mqlThreshold()))
                .chain(candidates -> Multi.createFrom().iterable(candidates)
                        .onItem().transformToUniAndConcatenate(lead -> rescorer.rescore(lead,
                                agreement.occurredAt(), "AgreementUpdated"))
                        .collect().last())
                .replaceWithVoid();
    }

    /** Right to be forgotten: keep the score, drop what describes the person. */
    public Uni<Void> onErased(UUID leadId) {
        return ScoredLead.update("jobTitle = null, emailDomain = null, country = null, explanation = null "
                + "where leadId = ?1", leadId).replaceWithVoid();
    }

    private static ScoredLead newLead(UUID leadId, Instant at) {
        ScoredLead lead = new ScoredLead();
        lead.leadId = leadId;
        lead.capturedAt = at;
        return lead;
    }
}

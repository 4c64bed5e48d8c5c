package io.funnel.pipeline.domain;

import io.funnel.events.PipelineEvent.ContactChannel;
import io.funnel.events.PipelineEvent.LeadAccepted;
import io.funnel.events.PipelineEvent.LeadContacted;
import io.funnel.events.PipelineEvent.LeadRejected;
import io.funnel.events.PipelineEvent.RejectionReason;
import io.funnel.pipeline.persistence.LeadContact;
import io.funnel.pipeline.persistence.PipelineLead;
import io.funnel.pipeline.persistence.PipelineLead.Stage;
import io.funnel.platform.messaging.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * What a rep does with an assigned lead: log contacts, then accept it (SQL) or reject it with a reason (recycled).
 * Each step changes the lead and writes its one event in the caller's transaction.
 */
@ApplicationScoped
public class FollowUp {

    private final Outbox outbox;
    private final Clock clock;

    public FollowUp(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<LeadContact> contact(PipelineLead lead, ContactChannel channel, String outcome, String note) {
        LeadStates.require(lead, Stage.OPEN, "log a contact on");
        Instant now = clock.instant();
        lead.stage = Stage.CONTACTED;
        if (lead.firstContactedAt == null) {
            lead.firstContactedAt = now;
        }
        lead.lastContactedAt = now;
        lead.contacts++;
        lead.refreshNextDue();
        LeadContact contact = new LeadContact();
        contact.id = UUID.randomUUID();
        contact.leadId = lead.leadId;
        contact.repId = lead.repId;
        contact.channel = channel;
        contact.outcome = outcome;
        contact.note = note;
        contact.occurredAt = now;
        return contact.persist()
                .chain(() -> outbox.publish(new LeadContacted(lead.leadId, lead.repId, channel, outcome, now)))
                .replaceWith(contact);
    }

    public Uni<Void> accept(PipelineLead lead) {
        LeadStates.require(lead, Stage.OPEN, "accept");
        Instant now = clock.instant();
        lead.stage = Stage.ACCEPTED;
        lead.decidedAt = now;
        lead.refreshNextDue();
        return outbox.publish(new LeadAccepted(lead.leadId, lead.repId, now));
    }

    public Uni<Void> reject(PipelineLead lead, RejectionReason reason, String note) {
        LeadStates.require(lead, Stage.OPEN, "reject");
        Instant now = clock.instant();
        lead.stage = Stage.REJECTED;
        lead.decidedAt = now;
        lead.rejectionReason = reason.name();
        lead.rejectionNote = note;
        lead.refreshNextDue();
        return outbox.publish(new LeadRejected(lead.leadId, lead.repId, reason, note, now));
    }
}

package io.funnel.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Events on {@link Topics#PIPELINE}, keyed by lead id: the sales side of the funnel. */
public sealed interface PipelineEvent extends FunnelEvent {

    UUID leadId();

    @Override
    default String key() {
        return leadId().toString();
    }

    @Override
    default String topic() {
        return Topics.PIPELINE;
    }

    enum ContactChannel {
        CALL, EMAIL, MEETING
    }

    /** The fixed list of reasons a rep may give; a rejection without one is refused. */
    enum RejectionReason {
        BAD_FIT, NO_BUDGET, NO_AUTHORITY, NO_NEED, UNREACHABLE, DUPLICATE, COMPETITOR, SPAM, TIMING
    }

    enum SlaKind {
        FIRST_CONTACT, DECISION
    }

    /** {@code repId} is null while the lead waits in a team queue. */
    record LeadAssigned(UUID leadId, UUID repId, String queue, Instant firstContactDue, Instant occurredAt)
            implements PipelineEvent {

        public LeadAssigned {
            Require.present(leadId, "leadId");
            Require.present(queue, "queue");
            Require.present(occurredAt, "occurredAt");
        }
    }

    record LeadContacted(UUID leadId, UUID repId, ContactChannel channel, String outcome, Instant occurredAt)
            implements PipelineEvent {

        public LeadContacted {
            Require.present(leadId, "leadId");
            Require.present(channel, "channel");
            Require.present(occurredAt, "occurredAt");
        }
    }

    /** The lead became an SQL. */
    record LeadAccepted(UUID leadId, UUID repId, Instant occurredAt) implements PipelineEvent {

        public LeadAccepted {
            Require.present(leadId, "leadId");
            Require.present(occurredAt, "occurredAt");
        }
    }

    /** Sales sent the lead back to nurture (recycled), always with a reason. */
    record LeadRejected(UUID leadId, UUID repId, RejectionReason reason, String note, Instant occurredAt)
            implements PipelineEvent {

        public LeadRejected {
            Require.present(leadId, "leadId");
            Require.present(reason, "reason");
            Require.present(occurredAt, "occurredAt");
        }
    }

    record OpportunityOpened(UUID leadId, UUID opportunityId, BigDecimal amount, String currency,
            LocalDate expectedCloseDate, String stage, Instant occurredAt) implements PipelineEvent {

        public OpportunityOpened {
            Require.present(leadId, "leadId");
            Require.present(opportunityId, "opportunityId");
            Require.present(occurredAt, "occurredAt");
        }
    }

    record OpportunityStageChanged(UUID leadId, UUID opportunityId, String stage, Instant occurredAt)
            implements PipelineEvent {

        public OpportunityStageChanged {
            Require.present(leadId, "leadId");
            Require.present(opportunityId, "opportunityId");
            Require.present(stage, "stage");
            Require.present(occurredAt, "occurredAt");
        }
    }

    /** The lead became a customer; {@code amount} is the revenue won. */
    record OpportunityWon(UUID leadId, UUID opportunityId, BigDecimal amount, String currency, Instant occurredAt)
            implements PipelineEvent {

        public OpportunityWon {
            Require.present(leadId, "leadId");
            Require.present(opportunityId, "opportunityId");
            Require.present(amount, "amount");
            Require.present(occurredAt, "occurredAt");
        }
    }

    record OpportunityLost(UUID leadId, UUID opportunityId, String reason, String objection, Instant occurredAt)
            implements PipelineEvent {

        public OpportunityLost {
            Require.present(leadId, "leadId");
            Require.present(opportunityId, "opportunityId");
            Require.present(reason, "reason");
            Require.present(occurredAt, "occurredAt");
        }
    }

    record ObjectionLogged(UUID leadId, UUID opportunityId, String category, String text, Instant occurredAt)
            implements PipelineEvent {

        public ObjectionLogged {
            Require.present(leadId, "leadId");
            Require.present(category, "category");
            Require.present(occurredAt, "occurredAt");
        }
    }

    record SlaAtRisk(UUID leadId, UUID repId, SlaKind kind, Instant dueAt, Instant occurredAt)
            implements PipelineEvent {

        public SlaAtRisk {
            Require.present(leadId, "leadId");
            Require.present(kind, "kind");
            Require.present(dueAt, "dueAt");
            Require.present(occurredAt, "occurredAt");
        }
    }

    record SlaBreached(UUID leadId, UUID repId, SlaKind kind, Instant dueAt, Instant occurredAt)
            implements PipelineEvent {

        public SlaBreached {
            Require.present(leadId, "leadId");
            Require.present(kind, "kind");
            Require.present(dueAt, "dueAt");
            Require.present(occurredAt, "occurredAt");
        }
    }
}

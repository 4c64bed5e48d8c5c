package io.funnel.pipeline.domain;

import io.funnel.platform.api.ProblemException;
import io.funnel.events.PipelineEvent.ObjectionLogged;
import io.funnel.events.PipelineEvent.OpportunityLost;
import io.funnel.events.PipelineEvent.OpportunityOpened;
import io.funnel.events.PipelineEvent.OpportunityStageChanged;
import io.funnel.events.PipelineEvent.OpportunityWon;
import io.funnel.pipeline.persistence.Objection;
import io.funnel.pipeline.persistence.Opportunity;
import io.funnel.pipeline.persistence.Opportunity.Status;
import io.funnel.pipeline.persistence.PipelineLead;
import io.funnel.pipeline.persistence.PipelineLead.Stage;
import io.funnel.platform.messaging.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Opportunities on accepted leads and how they end: won (the lead becomes a customer, with revenue) or lost (with a
 * reason). Each change writes its one event in the caller's transaction; a closed opportunity cannot change again.
 */
@ApplicationScoped
public class Deals {

    private final Outbox outbox;
    private final Clock clock;

    public Deals(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<Opportunity> open(PipelineLead lead, BigDecimal amount, String currency, LocalDate expectedCloseDate,
            String stage) {
        LeadStates.require(lead, EnumSet.of(Stage.ACCEPTED), "open an opportunity on");
        Instant now = clock.instant();
        Opportunity opportunity = new Opportunity();
        opportunity.id = UUID.randomUUID();
        opportunity.leadId = lead.leadId;
        opportunity.repId = lead.repId;
        opportunity.amount = amount;
        opportunity.currency = currency;
        opportunity.expectedCloseDate = expectedCloseDate;
        opportunity.stage = stage.strip();
        opportunity.status = Status.OPEN;
        opportunity.openedAt = now;
        lead.stage = Stage.OPPORTUNITY;
        return opportunity.persist()
                .chain(() -> outbox.publish(new OpportunityOpened(lead.leadId, opportunity.id, amount, currency,
                        expectedCloseDate, opportunity.stage, now)))
                .replaceWith(opportunity);
    }

    /** Moving to the stage it is already in changes nothing and publishes nothing. */
    public Uni<Opportunity> changeStage(Opportunity opportunity, String stage) {
        requireOpen(opportunity, "change the stage of");
        if (opportunity.stage.equals(stage.strip())) {
            return Uni.createFrom().item(opportunity);
        }
        opportunity.stage = stage.strip();
        return outbox.publish(new OpportunityStageChanged(opportunity.leadId, opportunity.id, opportunity.stage,
                clock.instant())).replaceWith(opportunity);
    }

    public Uni<Opportunity> win(Opportunity opportunity, PipelineLead lead, BigDecimal amount) {
        requireOpen(opportunity, "win");
        Instant now = clock.instant();
        opportunity.status = Status.WON;
        opportunity.wonAmount = amount == null ? opportunity.amount : amount;
        opportunity.closedAt = now;
        lead.stage = Stage.CUSTOMER;
        return outbox.publish(new OpportunityWon(lead.leadId, opportunity.id, opportunity.wonAmount,
                opportunity.currency, now)).replaceWith(opportunity);
    }

    public Uni<Opportunity> lose(Opportunity opportunity, PipelineLead lead, String reason, String objection) {
        requireOpen(opportunity, "lose");
        Instant now = clock.instant();
        opportunity.status = Status.LOST;
        opportunity.lostReason = reason.strip();
        opportunity.objection = objection;
        opportunity.closedAt = now;
        lead.stage = Stage.LOST;
        return outbox.publish(new OpportunityLost(lead.leadId, opportunity.id, opportunity.lostReason, objection,
                now)).replaceWith(opportunity);
    }

    public Uni<Objection> logObjection(UUID leadId, UUID opportunityId, String category, String text) {
        Objection objection = new Objection();
        objection.id = UUID.randomUUID();
        objection.leadId = leadId;
        objection.opportunityId = opportunityId;
        objection.category = category.strip();
        objection.text = text;
        objection.loggedAt = clock.instant();
        return objection.persist()
                .chain(() -> outbox.publish(new ObjectionLogged(leadId, opportunityId, objection.category, text,
                        objection.loggedAt)))
                .replaceWith(objection);
    }

    /** The opportunity as a 409 shows it; {@code opportunityStatus}, since {@code status} is the problem's. */
    public static Map<String, Object> state(Opportunity o) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("opportunityId", o.id);
        state.put("opportunityStatus", o.status.name());
        state.put("stage", o.stage);
        state.put("version", o.version);
        return state;
    }

    private static void requireOpen(Opportunity opportunity, String action) {
        if (opportunity.status != Status.OPEN) {
            throw ProblemException.conflict("Cannot " + action + " an opportunity that is " + opportunity.status,
                    state(opportunity));
        }
    }
}

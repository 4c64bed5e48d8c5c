package io.funnel.pipeline.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.funnel.pipeline.persistence.Opportunity;
import io.funnel.pipeline.persistence.PipelineLead;
import io.funnel.platform.api.ProblemException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConflictStateTest {

    @Test
    void leadAndOpportunityStatesKeepClearOfTheProblemMembers() {
        Opportunity opportunity = new Opportunity();
        opportunity.id = UUID.randomUUID();
        opportunity.status = Opportunity.Status.LOST;
        opportunity.stage = "discovery";
        PipelineLead lead = new PipelineLead();
        lead.leadId = UUID.randomUUID();
        lead.stage = PipelineLead.Stage.QUEUED;

        assertThat(ProblemException.conflict("Cannot win", Deals.state(opportunity)).problem().extensions())
                .containsEntry("opportunityStatus", "LOST").doesNotContainKey("status");
        assertThat(ProblemException.conflict("Cannot accept", LeadStates.of(lead)).problem().status()).isEqualTo(409);
    }
}

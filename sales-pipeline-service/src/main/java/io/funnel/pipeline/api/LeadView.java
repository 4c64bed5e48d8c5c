package io.funnel.pipeline.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.funnel.events.EventCodec;
import io.funnel.pipeline.persistence.PipelineLead;
import java.time.Instant;
import java.util.UUID;

/** A lead in sales' hands: where it is, who owns it, its SLA deadlines and why marketing qualified it. */
public record LeadView(UUID leadId, String stage, String queue, UUID repId, int score, JsonNode explanation,
        String country, String source, String persona, Instant qualifiedAt, Instant assignedAt,
        Instant firstContactDue, Instant decisionDue, Instant nextDue, int contacts, Instant firstContactedAt,
        Instant decidedAt,
        String rejectionReason, String rejectionNote, long version) {

    public static LeadView of(PipelineLead l) {
        return new LeadView(l.leadId, l.stage.name(), l.queue, l.repId, l.score, EventCodec.readTree(l.explanation),
                l.country, l.source, l.persona, l.qualifiedAt, l.assignedAt, l.firstContactDue, l.decisionDue,
                l.nextDue, l.contacts, l.firstContactedAt, l.decidedAt, l.rejectionReason, l.rejectionNote, l.version);
    }
}

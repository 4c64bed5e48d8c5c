package io.funnel.pipeline.domain;

import io.funnel.pipeline.persistence.PipelineLead;
import io.funnel.pipeline.persistence.PipelineLead.Stage;
import io.funnel.platform.api.ProblemException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The refusals of lead transitions: 409 with the lead's current state so the client sees why. */
public final class LeadStates {

    private LeadStates() {
    }

    public static Map<String, Object> of(PipelineLead lead) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("leadId", lead.leadId);
        state.put("stage", lead.stage.name());
        state.put("repId", lead.repId);
        state.put("queue", lead.queue);
        state.put("version", lead.version);
        return state;
    }

    /** Refuses unless the lead is in one of {@code allowed}. */
    public static void require(PipelineLead lead, Set<Stage> allowed, String action) {
        if (!allowed.contains(lead.stage)) {
            throw ProblemException.conflict("Cannot " + action + " a lead in stage " + lead.stage
                    + " (allowed from " + allowed + ")", of(lead));
        }
    }

    public static ProblemException changedConcurrently(PipelineLead current) {
        return ProblemException.conflict("The lead was changed by another request; reload it and retry",
                of(current));
    }
}

package io.funnel.pipeline.persistence;

import io.funnel.platform.InOrder;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;

/**
 * Right to be forgotten: the pipeline keeps no profile, but reps type notes, outcomes and objections that may name
 * the person. They are blanked; stages, reasons, amounts and timestamps stay, so the funnel still counts.
 */
public final class FreeTextErasure {

    private static final List<String> STATEMENTS = List.of(
            "update lead_contact set note = null, outcome = null where lead_id = ?1",
            "update pipeline_lead set rejection_note = null, version = version + 1 where lead_id = ?1",
            "update objection set text = null where lead_id = ?1",
            "update opportunity set objection = null where lead_id = ?1");

    private FreeTextErasure() {
    }

    public static Uni<Void> erase(UUID leadId) {
        return InOrder.each(STATEMENTS, statement -> Panache.getSession()
                .chain(s -> s.createNativeQuery(statement).setParameter(1, leadId).executeUpdate()));
    }
}

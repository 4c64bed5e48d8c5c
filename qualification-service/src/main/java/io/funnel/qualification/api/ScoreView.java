package io.funnel.qualification.api;

import io.funnel.events.QualificationEvent.ScoreContribution;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A lead's score and why: each rule's points and reason, the MQL definition it is measured against, and how the score
 * got here (newest first).
 */
public record ScoreView(UUID leadId, int total, int fit, int behaviour, int threshold, String requiredPersona,
        boolean mql, Instant qualifiedAt, String persona, boolean disqualified, String disqualifyReason,
        Instant rejectedAt, int modelVersion, Instant scoredAt, List<ScoreContribution> explanation,
        List<Past> history) {

    public record Past(Instant scoredAt, int total, int fit, int behaviour, int modelVersion, String cause) {
    }
}

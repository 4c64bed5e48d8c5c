package io.funnel.qualification.domain;

import io.funnel.events.QualificationEvent.ScoreContribution;
import java.util.List;

/** A score and every rule's share of it; {@code disqualifiedBy} names the first disqualifying rule that matched. */
public record LeadScore(int total, int fit, int behaviour, List<ScoreContribution> contributions,
        ScoreContribution disqualifiedBy) {
}

package io.funnel.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events on {@link Topics#QUALIFICATION}, keyed by lead id. */
public sealed interface QualificationEvent extends FunnelEvent {

    UUID leadId();

    @Override
    default String key() {
        return leadId().toString();
    }

    @Override
    default String topic() {
        return Topics.QUALIFICATION;
    }

    /** One rule's share of a score, with the reason a person can read. */
    record ScoreContribution(String ruleId, int points, String reason) {
    }

    record LeadScored(UUID leadId, int total, int fit, int behaviour, List<ScoreContribution> contributions,
            int modelVersion, Instant occurredAt) implements QualificationEvent {

        public LeadScored {
            Require.present(leadId, "leadId");
            Require.present(occurredAt, "occurredAt");
            contributions = contributions == null ? List.of() : List.copyOf(contributions);
        }
    }

    /** The lead became an MQL under the agreement in force. */
    record LeadQualified(UUID leadId, int score, int threshold, String persona, List<ScoreContribution> explanation,
            Instant occurredAt) implements QualificationEvent {

        public LeadQualified {
            Require.present(leadId, "leadId");
            Require.present(occurredAt, "occurredAt");
            explanation = explanation == null ? List.of() : List.copyOf(explanation);
        }
    }

    record LeadDisqualified(UUID leadId, String reason, Instant occurredAt) implements QualificationEvent {

        public LeadDisqualified {
            Require.present(leadId, "leadId");
            Require.present(reason, "reason");
            Require.present(occurredAt, "occurredAt");
        }
    }

    record PersonaMatched(UUID leadId, String persona, Instant occurredAt) implements QualificationEvent {

        public PersonaMatched {
            Require.present(leadId, "leadId");
            Require.present(persona, "persona");
            Require.present(occurredAt, "occurredAt");
        }
    }
}

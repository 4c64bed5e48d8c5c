package io.funnel.events;

import java.math.BigDecimal;
import java.time.Instant;

/** Events on the compacted {@link Topics#AGREEMENTS}; all share one key so compaction keeps the latest version. */
public sealed interface AgreementEvent extends FunnelEvent {

    String KEY = "agreement";

    @Override
    default String key() {
        return KEY;
    }

    @Override
    default String topic() {
        return Topics.AGREEMENTS;
    }

    /** The whole agreement in force from {@code effectiveFrom}; services apply the version in force at each event. */
    record AgreementUpdated(int version, int mqlThreshold, String requiredPersona, int mqlsPerMonth,
            BigDecimal acceptedShare, int firstContactHours, int decisionDays, BigDecimal revenueTargetPerMonth,
            String currency, String marketingOwner, String salesOwner, Instant effectiveFrom, Instant occurredAt)
            implements AgreementEvent {

        public AgreementUpdated {
            Require.present(effectiveFrom, "effectiveFrom");
            Require.present(occurredAt, "occurredAt");
        }
    }
}

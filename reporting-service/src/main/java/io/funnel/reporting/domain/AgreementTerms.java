package io.funnel.reporting.domain;

import io.funnel.reporting.persistence.AgreementVersion;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which signed version was in force at an instant: of the versions already effective then, the one that took effect
 * last (the higher version when two took effect at the same instant).
 */
public record AgreementTerms(List<AgreementVersion> versions) {

    public Optional<AgreementVersion> inForceAt(Instant at) {
        return versions.stream().filter(v -> !v.effectiveFrom.isAfter(at))
                .max(Comparator.comparing((AgreementVersion v) -> v.effectiveFrom)
                        .thenComparingInt(v -> v.version));
    }
}

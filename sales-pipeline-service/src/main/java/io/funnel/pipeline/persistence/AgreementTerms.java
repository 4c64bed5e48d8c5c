package io.funnel.pipeline.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** The sales side of one agreement version, as received in {@code AgreementUpdated}. */
@Entity
public class AgreementTerms extends PanacheEntityBase {

    @Id
    public int version;
    public int firstContactHours;
    public int decisionDays;
    public Instant effectiveFrom;

    /** The version in force at {@code at}, or null before the first one. */
    public static Uni<AgreementTerms> inForceAt(Instant at) {
        return AgreementTerms.<AgreementTerms>find("effectiveFrom <= ?1 order by effectiveFrom desc, version desc", at)
                .firstResult();
    }
}

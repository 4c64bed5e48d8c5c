package io.funnel.qualification.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** The MQL definition of one agreement version, from {@code AgreementUpdated}. */
@Entity
public class AgreementTerms extends PanacheEntityBase {

    @Id
    public int version;
    public int mqlThreshold;
    public String requiredPersona;
    public Instant effectiveFrom;
}

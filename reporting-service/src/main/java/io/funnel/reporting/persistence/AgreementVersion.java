package io.funnel.reporting.persistence;

import io.funnel.events.AgreementEvent.AgreementUpdated;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One signed version of the agreement; rows are only ever added. */
@Entity
public class AgreementVersion extends PanacheEntityBase {

    @Id
    public int version;
    public int mqlThreshold;
    public String requiredPersona;
    public int mqlsPerMonth;
    public BigDecimal acceptedShare;
    public int firstContactHours;
    public int decisionDays;
    public BigDecimal revenueTargetPerMonth;
    public String currency;
    public String marketingOwner;
    public String salesOwner;
    public Instant effectiveFrom;
    public Instant signedAt;

    public static Uni<AgreementVersion> latest() {
        return AgreementVersion.<AgreementVersion>find("order by version desc").firstResult();
    }

    public static Uni<List<AgreementVersion>> history() {
        return AgreementVersion.list("order by version");
    }

    public AgreementUpdated toEvent() {
        return new AgreementUpdated(version, mqlThreshold, requiredPersona, mqlsPerMonth, acceptedShare,
                firstContactHours, decisionDays, revenueTargetPerMonth, currency, marketingOwner, salesOwner,
                effectiveFrom, signedAt);
    }
}

package io.funnel.pipeline.domain;

import io.funnel.events.AgreementEvent.AgreementUpdated;
import io.funnel.pipeline.persistence.AgreementTerms;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Keeps every agreement version received and answers the SLA terms in force at an instant; config until then. */
@ApplicationScoped
public class AgreementInForce {

    private static final Logger LOG = Logger.getLogger(AgreementInForce.class);

    private final int defaultFirstContactHours;
    private final int defaultDecisionDays;
    private final double riskShare;

    public AgreementInForce(
            @ConfigProperty(name = "funnel.pipeline.sla.first-contact-hours") int defaultFirstContactHours,
            @ConfigProperty(name = "funnel.pipeline.sla.decision-days") int defaultDecisionDays,
            @ConfigProperty(name = "funnel.pipeline.sla.risk-share") double riskShare) {
        this.defaultFirstContactHours = defaultFirstContactHours;
        this.defaultDecisionDays = defaultDecisionDays;
        this.riskShare = riskShare;
    }

    /** A version already known (a redelivery, or compaction replaying the topic) is kept as first received. */
    public Uni<Void> record(AgreementUpdated agreement) {
        if (agreement.firstContactHours() < 1 || agreement.decisionDays() < 1) {
            LOG.warnf("Agreement version %d ignored: SLA windows must be at least 1 hour and 1 day",
                    agreement.version());
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into agreement_terms (version, first_contact_hours, decision_days, effective_from)
                        values (?1, ?2, ?3, ?4) on conflict (version) do nothing""")
                .setParameter(1, agreement.version())
                .setParameter(2, agreement.firstContactHours())
                .setParameter(3, agreement.decisionDays())
                .setParameter(4, agreement.effectiveFrom())
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<SlaTerms> at(Instant instant) {
        return AgreementTerms.inForceAt(instant).map(terms -> terms == null
                ? new SlaTerms(0, defaultFirstContactHours, defaultDecisionDays, riskShare)
                : new SlaTerms(terms.version, terms.firstContactHours, terms.decisionDays, riskShare));
    }
}

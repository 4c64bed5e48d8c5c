package io.funnel.qualification.domain;

import io.funnel.events.AgreementEvent.AgreementUpdated;
import io.funnel.qualification.persistence.AgreementTerms;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The MQL definition in force (the agreement's latest version effective at the instant, else the configuration) and
 * the one policy that applies it, to live scores and to simulations alike.
 */
@ApplicationScoped
public class AgreementBook {

    private final int defaultThreshold;
    private final MqlPolicy policy;

    public AgreementBook(@ConfigProperty(name = "funnel.qualification.mql-threshold") int defaultThreshold,
            @ConfigProperty(name = "funnel.qualification.recycle.min-new-activities") int minNewActivities) {
        this.defaultThreshold = defaultThreshold;
        this.policy = new MqlPolicy(minNewActivities);
    }

    public MqlPolicy policy() {
        return policy;
    }

    public Uni<MqlPolicy.Definition> definitionAt(Instant at) {
        return AgreementTerms.<AgreementTerms>find("effectiveFrom <= ?1 order by effectiveFrom desc, version desc", at)
                .firstResult()
                .map(t -> t == null ? new MqlPolicy.Definition(defaultThreshold, null)
                        : new MqlPolicy.Definition(t.mqlThreshold, blankToNull(t.requiredPersona)));
    }

    /** Stores the agreement's MQL definition; a redelivered or re-sent version replaces itself. */
    public Uni<Void> record(AgreementUpdated agreement) {
        return AgreementTerms.<AgreementTerms>findById(agreement.version()).chain(known -> {
            AgreementTerms terms = known != null ? known : new AgreementTerms();
            terms.version = agreement.version();
            terms.mqlThreshold = agreement.mqlThreshold();
            terms.requiredPersona = blankToNull(agreement.requiredPersona());
            terms.effectiveFrom = agreement.effectiveFrom();
            return terms.persist().replaceWithVoid();
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

package io.funnel.qualification.domain;

import io.funnel.events.AgreementEvent.AgreementUpdated;
import io.funnel.platform.messaging.BatchMemo;
import io.funnel.qualification.persistence.AgreementTerms;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The MQL definition in force (the agreement's latest version effective at the instant, else the configuration) and
 * the one policy that applies it, to live scores and to simulations alike.
 */
@ApplicationScoped
public class AgreementBook {

    private static final String TERMS = AgreementBook.class.getName() + ".terms";

    /** One agreement version's definition and when it takes effect. */
    private record Effective(Instant from, MqlPolicy.Definition definition) {
    }

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
        return BatchMemo.remember(TERMS, AgreementBook::allTerms).map(all -> all.stream()
                .filter(terms -> !terms.from().isAfter(at))
                .findFirst()
                .map(Effective::definition)
                .orElseGet(() -> new MqlPolicy.Definition(defaultThreshold, null)));
    }

    /** Every version's terms, latest first (a handful of rows: one per agreement version). */
    private static Uni<List<Effective>> allTerms() {
        return AgreementTerms.<AgreementTerms>list("order by effectiveFrom desc, version desc")
                .map(rows -> rows.stream().map(t -> new Effective(t.effectiveFrom,
                        new MqlPolicy.Definition(t.mqlThreshold, blankToNull(t.requiredPersona)))).toList());
    }

    /** Stores the agreement's MQL definition; a redelivered or re-sent version replaces itself. */
    public Uni<Void> record(AgreementUpdated agreement) {
        return AgreementTerms.<AgreementTerms>findById(agreement.version()).chain(known -> {
            AgreementTerms terms = known != null ? known : new AgreementTerms();
            terms.version = agreement.version();
            terms.mqlThreshold = agreement.mqlThreshold();
            terms.requiredPersona = blankToNull(agreement.requiredPersona());
            terms.effectiveFrom = agreement.effectiveFrom();
            BatchMemo.forget(TERMS);
            return terms.persist().replaceWithVoid();
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

package io.funnel.reporting.domain;

import io.funnel.events.AgreementEvent.AgreementUpdated;
import io.funnel.platform.api.ProblemException;
import io.funnel.platform.messaging.Outbox;
import io.funnel.reporting.api.AgreementRequest;
import io.funnel.reporting.persistence.AgreementVersion;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Signs new versions of the agreement and announces each one with {@code AgreementUpdated}. */
@ApplicationScoped
public class AgreementBook {

    private final Outbox outbox;
    private final Clock clock;

    public AgreementBook(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Call inside a transaction: the new version and its event are written together. */
    public Uni<AgreementUpdated> sign(AgreementRequest request) {
        // Serialises signers so two concurrent updates cannot both become version n + 1.
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("lock table agreement_version in share row exclusive mode")
                        .executeUpdate())
                .chain(AgreementVersion::latest)
                .chain(current -> {
                    int currentVersion = current == null ? 0 : current.version;
                    if (request.expectedVersion() != null && request.expectedVersion() != currentVersion) {
                        Map<String, Object> state = new HashMap<>();
                        state.put("currentVersion", currentVersion);
                        throw ProblemException.conflict("The agreement changed since version "
                                + request.expectedVersion(), state);
                    }
                    AgreementVersion next = toVersion(request, currentVersion + 1);
                    AgreementUpdated event = next.toEvent();
                    return next.persist().chain(() -> outbox.publish(event)).replaceWith(event);
                });
    }

    private AgreementVersion toVersion(AgreementRequest request, int version) {
        Instant now = clock.instant();
        AgreementVersion v = new AgreementVersion();
        v.version = version;
        v.mqlThreshold = request.mqlThreshold();
        v.requiredPersona = request.requiredPersona() == null || request.requiredPersona().isBlank()
                ? null : request.requiredPersona().strip();
        v.mqlsPerMonth = request.mqlsPerMonth();
        v.acceptedShare = request.acceptedShare().setScale(4, RoundingMode.HALF_UP);
        v.firstContactHours = request.firstContactHours();
        v.decisionDays = request.decisionDays();
        v.revenueTargetPerMonth = request.revenueTargetPerMonth().setScale(2, RoundingMode.HALF_UP);
        v.currency = request.currency();
        v.marketingOwner = request.marketingOwner().strip();
        v.salesOwner = request.salesOwner().strip();
        v.effectiveFrom = request.effectiveFrom() == null ? now : request.effectiveFrom();
        v.signedAt = now;
        return v;
    }
}

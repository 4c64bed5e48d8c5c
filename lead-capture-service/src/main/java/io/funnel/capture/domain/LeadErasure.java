package io.funnel.capture.domain;

import io.funnel.capture.persistence.Lead;
import io.funnel.events.LeadEvent.LeadErased;
import io.funnel.platform.api.ProblemException;
import io.funnel.platform.messaging.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/** Right to be forgotten: the lead keeps its id (so the funnel counts stay true) and loses everything personal. */
@ApplicationScoped
public class LeadErasure {

    private final Outbox outbox;
    private final Clock clock;

    public LeadErasure(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Idempotent: erasing an erased lead does nothing more. */
    public Uni<Void> erase(UUID leadId) {
        return Panache.withTransaction(() -> Lead.<Lead>findById(leadId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Lead " + leadId))
                .chain(lead -> {
                    if (lead.erasedAt != null) {
                        return Uni.createFrom().voidItem();
                    }
                    lead.erasedAt = clock.instant();
                    lead.email = "erased";
                    lead.normalizedEmail = "erased:" + lead.id;
                    lead.firstName = null;
                    lead.lastName = null;
                    lead.phone = null;
                    lead.company = null;
                    lead.jobTitle = null;
                    lead.consentText = null;
                    lead.fields = null;
                    return outbox.publish(new LeadErased(lead.id, lead.erasedAt));
                }));
    }
}

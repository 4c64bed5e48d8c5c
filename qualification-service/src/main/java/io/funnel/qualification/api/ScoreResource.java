package io.funnel.qualification.api;

import io.funnel.platform.api.ProblemException;
import io.funnel.platform.security.Roles;
import io.funnel.qualification.domain.AgreementBook;
import io.funnel.qualification.domain.Explanations;
import io.funnel.qualification.persistence.ScoreHistory;
import io.funnel.qualification.persistence.ScoredLead;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/leads/{id}/score")
@RolesAllowed({Roles.MARKETING, Roles.SALES_MANAGER, Roles.REVENUE_OPS})
@Tag(name = "Scores")
@Produces(MediaType.APPLICATION_JSON)
public class ScoreResource {

    private static final int HISTORY_SIZE = 50;

    private final AgreementBook agreements;
    private final Clock clock;

    public ScoreResource(AgreementBook agreements, Clock clock) {
        this.agreements = agreements;
        this.clock = clock;
    }

    @GET
    @WithSession
    @Operation(summary = "A lead's score with its explanation and history",
            description = "Why is this lead an MQL, or not yet? The last 50 scores, newest first.")
    public Uni<ScoreView> score(@PathParam("id") UUID id) {
        return ScoredLead.<ScoredLead>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Score of lead " + id))
                .chain(l -> agreements.definitionAt(clock.instant()).chain(definition -> ScoreHistory
                        .<ScoreHistory>find("leadId = ?1 order by id desc", id).page(Page.ofSize(HISTORY_SIZE))
                        .list()
                        .map(past -> new ScoreView(l.leadId, l.total, l.fit, l.behaviour, definition.threshold(),
                                definition.requiredPersona(), l.qualifiedAt != null, l.qualifiedAt, l.persona,
                                l.disqualifiedAt != null, l.disqualifyReason, l.rejectedAt, l.modelVersion,
                                l.scoredAt, Explanations.fromJson(l.explanation),
                                past.stream().map(h -> new ScoreView.Past(h.scoredAt, h.total, h.fit, h.behaviour,
                                        h.modelVersion, h.cause)).toList()))));
    }
}

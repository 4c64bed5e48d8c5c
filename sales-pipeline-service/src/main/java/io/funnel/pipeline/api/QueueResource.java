package io.funnel.pipeline.api;

import io.funnel.pipeline.persistence.PipelineLead;
import io.funnel.pipeline.persistence.PipelineLead.Stage;
import io.funnel.platform.api.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/queue")
@Tag(name = "Queue")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {

    private final String defaultQueue;

    public QueueResource(@ConfigProperty(name = "funnel.pipeline.default-queue") String defaultQueue) {
        this.defaultQueue = defaultQueue;
    }

    /** Leads still waiting for sales: in a queue without a rep, or with a rep who has not decided yet. */
    private static final Set<Stage> WAITING = EnumSet.of(Stage.QUEUED, Stage.ASSIGNED, Stage.CONTACTED);

    @GET
    @WithSession
    @Operation(summary = "Leads waiting for a rep or in a queue, the most urgent SLA deadline first",
            description = "With rep: that rep's undecided leads. With team: the undecided leads of the team's reps."
                    + " Otherwise the leads in the named queue (default the default queue). Each shows the score"
                    + " explanation received from qualification.")
    public Uni<List<LeadView>> queue(@QueryParam("rep") String rep, @QueryParam("team") String team,
            @QueryParam("queue") String queue) {
        Uni<List<PipelineLead>> leads;
        if (team != null && !team.isBlank()) {
            leads = PipelineLead.list("repId in (select r.id from Rep r where lower(r.team) = lower(?1)) and stage in ?2"
                    + " order by nextDue nulls last, assignedAt, leadId", team.strip(), Stage.OPEN);
        } else if (rep != null && !rep.isBlank()) {
            UUID repId = repId(rep);
            leads = RepResource.find(repId).chain(found -> PipelineLead.list(
                    "repId = ?1 and stage in ?2 order by nextDue nulls last, assignedAt, leadId", repId, Stage.OPEN));
        } else {
            leads = PipelineLead.list("queue = ?1 and stage in ?2 order by nextDue nulls last, assignedAt, leadId",
                    queue == null || queue.isBlank() ? defaultQueue : queue, WAITING);
        }
        return leads.map(list -> list.stream().map(LeadView::of).toList());
    }

    private static UUID repId(String rep) {
        try {
            return UUID.fromString(rep.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("rep", "not a rep id (UUID)");
        }
    }
}

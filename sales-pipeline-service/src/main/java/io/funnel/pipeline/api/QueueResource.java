package io.funnel.pipeline.api;

import io.funnel.pipeline.persistence.PipelineLead;
import io.funnel.pipeline.persistence.PipelineLead.Stage;
import io.funnel.platform.api.ProblemException;
import io.funnel.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
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

    /** Leads still waiting for sales: in a queue without a rep, or with a rep who has not decided yet. */
    private static final Set<Stage> WAITING = EnumSet.of(Stage.QUEUED, Stage.ASSIGNED, Stage.CONTACTED);
    private static final String URGENT_FIRST = " order by nextDue nulls last, assignedAt, leadId";

    private final String defaultQueue;
    private final RepAccess access;

    public QueueResource(@ConfigProperty(name = "funnel.pipeline.default-queue") String defaultQueue,
            RepAccess access) {
        this.defaultQueue = defaultQueue;
        this.access = access;
    }

    @GET
    @WithSession
    @RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
    @Operation(summary = "Leads waiting for a rep or in a queue, the most urgent SLA deadline first",
            description = "With rep: that rep's undecided leads. With team: the undecided leads of the team's reps."
                    + " Otherwise the leads in the named queue (default the default queue). Each shows the score"
                    + " explanation received from qualification. A rep (role sales) sees only their own undecided"
                    + " leads: without parameters or with their own rep id; another rep, a team or a queue is 403.")
    public Uni<List<LeadView>> queue(@QueryParam("rep") String rep, @QueryParam("team") String team,
            @QueryParam("queue") String queue) {
        return access.scope()
                .chain(scope -> scope.everyRep() ? anyQueue(rep, team, queue) : ownQueue(scope, rep, team, queue))
                .map(list -> list.stream().map(LeadView::of).toList());
    }

    private Uni<List<PipelineLead>> anyQueue(String rep, String team, String queue) {
        if (given(team)) {
            return PipelineLead.list("repId in (select r.id from Rep r where lower(r.team) = lower(?1)) and stage in ?2"
                    + URGENT_FIRST, team.strip(), Stage.OPEN);
        }
        if (given(rep)) {
            UUID repId = repId(rep);
            return RepResource.find(repId).chain(found -> PipelineLead.list("repId = ?1 and stage in ?2" + URGENT_FIRST,
                    repId, Stage.OPEN));
        }
        return PipelineLead.list("queue = ?1 and stage in ?2" + URGENT_FIRST, given(queue) ? queue : defaultQueue,
                WAITING);
    }

    private static Uni<List<PipelineLead>> ownQueue(RepAccess.Scope scope, String rep, String team, String queue) {
        if (given(team) || given(queue) || given(rep) && !scope.covers(repId(rep))) {
            throw RepAccess.forbidden("A rep sees only their own queue: leave out rep, team and queue");
        }
        return PipelineLead.list("repId in ?1 and stage in ?2" + URGENT_FIRST,
                given(rep) ? Set.of(repId(rep)) : scope.repIds(), Stage.OPEN);
    }

    private static boolean given(String parameter) {
        return parameter != null && !parameter.isBlank();
    }

    private static UUID repId(String rep) {
        try {
            return UUID.fromString(rep.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("rep", "not a rep id (UUID)");
        }
    }
}

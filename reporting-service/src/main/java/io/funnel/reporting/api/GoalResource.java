package io.funnel.reporting.api;

import io.funnel.platform.api.ProblemException;
import io.funnel.platform.security.Roles;
import io.funnel.reporting.domain.GoalProgress;
import io.funnel.reporting.persistence.Goal;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/goals")
@RolesAllowed(TeamRoles.EVERYONE)
@Tag(name = "Goals")
@Produces(MediaType.APPLICATION_JSON)
public class GoalResource {

    private final GoalProgress progress;
    private final Clock clock;

    public GoalResource(GoalProgress progress, Clock clock) {
        this.progress = progress;
        this.clock = clock;
    }

    @POST
    @RolesAllowed(Roles.REVENUE_OPS)
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @Operation(summary = "Set a goal", description = "400 when the target is not positive; 422 for other invalid "
            + "fields.")
    public Uni<Response> create(@Valid @NotNull GoalRequest request) {
        if (request.target().signum() <= 0) {
            throw ProblemException.badRequest("target", "must be greater than 0");
        }
        Goal goal = new Goal();
        goal.id = UUID.randomUUID();
        goal.name = request.name().strip();
        goal.metric = request.metric();
        goal.target = request.target().setScale(2, RoundingMode.HALF_UP);
        goal.startsOn = request.startsOn();
        goal.deadline = request.deadline();
        goal.ownerTeam = request.ownerTeam();
        goal.createdAt = clock.instant();
        return goal.persist().chain(() -> progress.of(List.of(goal)))
                .map(p -> Response.created(URI.create("/api/goals/" + goal.id)).entity(p.get(0)).build());
    }

    @GET
    @WithSession
    @Produces({MediaType.APPLICATION_JSON, CsvWriter.TEXT_CSV})
    @Operation(summary = "Every goal with its progress, by deadline (JSON, or CSV by Accept)")
    public Uni<List<GoalProgress.Progress>> list() {
        return Goal.<Goal>list("order by deadline, name").chain(progress::of);
    }

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<GoalProgress.Progress> get(@PathParam("id") UUID id) {
        return find(id).chain(goal -> progress.of(List.of(goal))).map(p -> p.get(0));
    }

    @DELETE
    @RolesAllowed(Roles.REVENUE_OPS)
    @Path("/{id}")
    @WithTransaction
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return find(id).chain(Goal::delete).replaceWith(Response.noContent().build());
    }

    private static Uni<Goal> find(UUID id) {
        return Goal.<Goal>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Goal " + id));
    }
}

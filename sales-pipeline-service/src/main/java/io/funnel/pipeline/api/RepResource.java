package io.funnel.pipeline.api;

import io.funnel.pipeline.domain.LeadAssignment;
import io.funnel.pipeline.domain.LostUpdate;
import io.funnel.pipeline.persistence.PipelineLead;
import io.funnel.pipeline.persistence.Rep;
import io.funnel.platform.api.ProblemException;
import io.funnel.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/reps")
@Tag(name = "Reps")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SALES_MANAGER)
public class RepResource {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final LeadAssignment assignment;
    private final Clock clock;

    public RepResource(LeadAssignment assignment, Clock clock) {
        this.assignment = assignment;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a rep", description = "Territories are ISO country codes; time zone an IANA id."
            + " Leads waiting in queues that the new rep can take are assigned to it.")
    public Uni<Response> create(@Valid @NotNull RepRequest request) {
        checkSemantics(request);
        Rep rep = new Rep();
        rep.id = UUID.randomUUID();
        rep.createdAt = clock.instant();
        apply(rep, request);
        return Panache.withTransaction(() -> rep.persist().chain(assignment::routeWaitingLeads))
                .replaceWith(() -> Response.created(URI.create("/api/reps/" + rep.id)).entity(RepView.of(rep, 0))
                        .build());
    }

    @GET
    @WithSession
    @RolesAllowed({Roles.SALES_MANAGER, Roles.REVENUE_OPS})
    @Operation(summary = "All reps, or one team's, active first, by name")
    public Uni<List<RepView>> list(@QueryParam("team") String team) {
        Uni<List<Rep>> found = team == null || team.isBlank() ? Rep.list("order by active desc, name, id")
                : Rep.list("lower(team) = lower(?1) order by active desc, name, id", team.strip());
        return found.chain(reps -> PipelineLead.openLeadsPerRep()
                .map(open -> reps.stream().map(r -> RepView.of(r, open.getOrDefault(r.id, 0L))).toList()));
    }

    @GET
    @Path("/{id}")
    @WithSession
    @RolesAllowed({Roles.SALES_MANAGER, Roles.REVENUE_OPS})
    public Uni<RepView> get(@PathParam("id") UUID id) {
        return find(id).chain(this::view);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a rep",
            description = "Setting active to false moves the rep's open leads to other reps (LeadAssigned again);"
                    + " an active rep with room takes leads waiting in queues.")
    public Uni<RepView> update(@PathParam("id") UUID id, @Valid @NotNull RepRequest request) {
        checkSemantics(request);
        return change(id, rep -> {
            boolean deactivating = rep.active && Boolean.FALSE.equals(request.active());
            apply(rep, request);
            return (deactivating ? assignment.reassignOpenLeadsOf(rep) : assignment.routeWaitingLeads())
                    .replaceWithVoid();
        });
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Deactivate a rep", description = "Reps are kept for history; their open leads are reassigned.")
    public Uni<Response> deactivate(@PathParam("id") UUID id) {
        return change(id, rep -> {
            if (!rep.active) {
                return Uni.createFrom().voidItem();
            }
            rep.active = false;
            rep.updatedAt = clock.instant();
            return assignment.reassignOpenLeadsOf(rep).replaceWithVoid();
        }).replaceWith(Response.noContent().build());
    }

    private Uni<RepView> change(UUID id, Function<Rep, Uni<Void>> change) {
        return Panache.withTransaction(() -> find(id).call(change::apply))
                .onFailure(LostUpdate::is).transform(e -> ProblemException.conflict(
                        "The rep was changed by another request; reload it and retry", Map.of("repId", id)))
                .chain(rep -> Panache.withSession(() -> view(rep)));
    }

    private Uni<RepView> view(Rep rep) {
        return PipelineLead.count("repId = ?1 and stage in ?2", rep.id, PipelineLead.Stage.OPEN)
                .map(open -> RepView.of(rep, open));
    }

    static Uni<Rep> find(UUID id) {
        return Rep.<Rep>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Rep " + id));
    }

    private void apply(Rep rep, RepRequest request) {
        RepRequest.WorkingHours hours = request.workingHours() == null ? RepRequest.OFFICE_HOURS
                : request.workingHours();
        List<DayOfWeek> days = hours.days() == null || hours.days().isEmpty() ? RepRequest.OFFICE_HOURS.days()
                : hours.days();
        rep.name = request.name().strip();
        rep.email = request.email().strip();
        rep.team = request.team() == null || request.team().isBlank() ? null : request.team().strip();
        rep.territories = List.copyOf(new LinkedHashSet<>(request.territories()));
        rep.personas = request.personas() == null ? List.of()
                : request.personas().stream().map(String::strip).distinct().toList();
        rep.capacity = request.capacity();
        rep.workStart = hours.start();
        rep.workEnd = hours.end();
        rep.workDays = days.stream().distinct().sorted().map(DayOfWeek::name).toList();
        rep.timeZone = request.timeZone().strip();
        rep.active = request.active() == null || request.active();
        rep.updatedAt = clock.instant();
    }

    /** What bean validation cannot say: real country codes, a known time zone, hours that start before they end. */
    private static void checkSemantics(RepRequest request) {
        request.territories().stream().filter(t -> !COUNTRIES.contains(t)).findFirst().ifPresent(t -> {
            throw ProblemException.unprocessable("territories", "unknown country code " + t);
        });
        try {
            ZoneId.of(request.timeZone().strip());
        } catch (DateTimeException e) {
            throw ProblemException.unprocessable("timeZone", "unknown time zone, use an IANA id such as Europe/Madrid");
        }
        RepRequest.WorkingHours hours = request.workingHours();
        if (hours != null && hours.start() != null && hours.end() != null && !hours.start().isBefore(hours.end())) {
            throw ProblemException.unprocessable("workingHours.end", "must be after workingHours.start");
        }
    }
}

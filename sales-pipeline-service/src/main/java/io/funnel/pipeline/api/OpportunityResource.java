package io.funnel.pipeline.api;

import io.funnel.pipeline.domain.Deals;
import io.funnel.pipeline.domain.LostUpdate;
import io.funnel.pipeline.persistence.Opportunity;
import io.funnel.pipeline.persistence.PipelineLead;
import io.funnel.platform.api.ProblemException;
import io.funnel.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/opportunities")
@Tag(name = "Opportunities")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
public class OpportunityResource {

    public record OpportunityView(UUID id, UUID leadId, UUID repId, BigDecimal amount, String currency,
            LocalDate expectedCloseDate, String stage, String status, BigDecimal wonAmount, String lostReason,
            String objection, Instant openedAt, Instant closedAt, long version) {

        static OpportunityView of(Opportunity o) {
            return new OpportunityView(o.id, o.leadId, o.repId, o.amount, o.currency, o.expectedCloseDate, o.stage,
                    o.status.name(), o.wonAmount, o.lostReason, o.objection, o.openedAt, o.closedAt, o.version);
        }
    }

    private final Deals deals;
    private final RepAccess access;

    public OpportunityResource(Deals deals, RepAccess access) {
        this.deals = deals;
        this.access = access;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open an opportunity on an accepted lead",
            description = "Publishes OpportunityOpened. A rep opens them only on their own leads: another rep's lead"
                    + " is refused as if it did not exist.")
    public Uni<Response> open(@Valid @NotNull OpportunityRequests.Open request) {
        String currency = currency(request.currency());
        return Panache.withTransaction(() -> access.lead(request.leadId())
                        .onItem().ifNull().failWith(() -> ProblemException.unprocessable("leadId",
                                "no such lead in the pipeline"))
                        .chain(lead -> deals.open(lead, request.amount(), currency, request.expectedCloseDate(),
                                request.stage())))
                .onFailure(LostUpdate::is).transform(e -> ProblemException.conflict(
                        "The lead was changed by another request; reload it and retry",
                        Map.of("leadId", request.leadId())))
                .map(o -> Response.created(URI.create("/api/opportunities/" + o.id)).entity(OpportunityView.of(o))
                        .build());
    }

    @GET
    @WithSession
    @Operation(summary = "Opportunities of a lead", description = "A rep sees only their own.")
    public Uni<List<OpportunityView>> list(@QueryParam("lead") UUID leadId) {
        if (leadId == null) {
            throw ProblemException.badRequest("lead", "is required");
        }
        return access.scope().chain(scope -> scope.everyRep()
                        ? Opportunity.<Opportunity>list("leadId = ?1 order by openedAt", leadId)
                        : Opportunity.<Opportunity>list("leadId = ?1 and repId in ?2 order by openedAt", leadId,
                                scope.repIds()))
                .map(all -> all.stream().map(OpportunityView::of).toList());
    }

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<OpportunityView> get(@PathParam("id") UUID id) {
        return find(id).map(OpportunityView::of);
    }

    @PUT
    @Path("/{id}/stage")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move an open opportunity to another stage", description = "Publishes OpportunityStageChanged.")
    public Uni<OpportunityView> stage(@PathParam("id") UUID id, @Valid @NotNull OpportunityRequests.StageChange body) {
        return change(id, (o, lead) -> deals.changeStage(o, body.stage()));
    }

    @POST
    @Path("/{id}/won")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the win", description = "Publishes OpportunityWon; the lead becomes a customer.")
    public Uni<OpportunityView> won(@PathParam("id") UUID id, @Valid OpportunityRequests.Win body) {
        return change(id, (o, lead) -> deals.win(o, lead, body == null ? null : body.amount()));
    }

    @POST
    @Path("/{id}/lost")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the loss with its reason", description = "Publishes OpportunityLost.")
    public Uni<OpportunityView> lost(@PathParam("id") UUID id, @Valid @NotNull OpportunityRequests.Loss body) {
        return change(id, (o, lead) -> deals.lose(o, lead, body.reason(), body.objection()));
    }

    /** One change in its own transaction; a concurrent change makes the loser 409 with the winner's state. */
    private Uni<OpportunityView> change(UUID id,
            BiFunction<Opportunity, PipelineLead, Uni<Opportunity>> change) {
        return Panache.withTransaction(() -> find(id).chain(o -> PipelineLead.<PipelineLead>findById(o.leadId)
                        .chain(lead -> change.apply(o, lead))))
                .onFailure(LostUpdate::is).recoverWithUni(e -> Panache.withSession(() -> find(id))
                        .chain(current -> Uni.createFrom().<Opportunity>failure(ProblemException.conflict(
                                "The opportunity was changed by another request; reload it and retry",
                                Deals.state(current)))))
                .map(OpportunityView::of);
    }

    /** The opportunity as the caller may see it: another rep's is not found. */
    private Uni<Opportunity> find(UUID id) {
        return access.opportunity(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Opportunity " + id));
    }

    private static String currency(String code) {
        try {
            return Currency.getInstance(code.strip()).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("currency", "unknown ISO 4217 currency code " + code);
        }
    }
}

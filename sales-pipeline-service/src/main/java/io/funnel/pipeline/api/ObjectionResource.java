package io.funnel.pipeline.api;

import io.funnel.pipeline.domain.Deals;
import io.funnel.pipeline.persistence.Objection;
import io.funnel.platform.api.ProblemException;
import io.funnel.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/objections")
@Tag(name = "Opportunities")
@Produces(MediaType.APPLICATION_JSON)
public class ObjectionResource {

    public record ObjectionView(UUID id, UUID leadId, UUID opportunityId, String category, String text,
            Instant loggedAt) {

        static ObjectionView of(Objection o) {
            return new ObjectionView(o.id, o.leadId, o.opportunityId, o.category, o.text, o.loggedAt);
        }
    }

    private final Deals deals;
    private final RepAccess access;

    public ObjectionResource(Deals deals, RepAccess access) {
        this.deals = deals;
        this.access = access;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
    @Operation(summary = "Log what a prospect objected to",
            description = "Publishes ObjectionLogged. A rep logs them only on their own leads and opportunities.")
    public Uni<Response> log(@Valid @NotNull OpportunityRequests.ObjectionEntry entry) {
        return access.lead(entry.leadId())
                .onItem().ifNull().failWith(() -> ProblemException.unprocessable("leadId", "no such lead in the pipeline"))
                .chain(lead -> entry.opportunityId() == null ? Uni.createFrom().voidItem()
                        : access.opportunity(entry.opportunityId()).invoke(o -> {
                            if (o == null || !o.leadId.equals(entry.leadId())) {
                                throw ProblemException.unprocessable("opportunityId", "no such opportunity of this lead");
                            }
                        }).replaceWithVoid())
                .chain(() -> deals.logObjection(entry.leadId(), entry.opportunityId(), entry.category(), entry.text()))
                .map(o -> Response.created(URI.create("/api/objections?lead=" + o.leadId)).entity(ObjectionView.of(o))
                        .build());
    }

    @GET
    @WithSession
    @RolesAllowed({Roles.SALES_MANAGER, Roles.MARKETING, Roles.REVENUE_OPS})
    @Operation(summary = "Objections logged on a lead")
    public Uni<List<ObjectionView>> list(@QueryParam("lead") UUID leadId) {
        if (leadId == null) {
            throw ProblemException.badRequest("lead", "is required");
        }
        return Objection.<Objection>list("leadId = ?1 order by loggedAt", leadId)
                .map(all -> all.stream().map(ObjectionView::of).toList());
    }
}

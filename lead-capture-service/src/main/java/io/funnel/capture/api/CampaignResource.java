package io.funnel.capture.api;

import io.funnel.capture.persistence.Campaign;
import io.funnel.events.MarketingEvent.CampaignLaunched;
import io.funnel.platform.api.ProblemException;
import io.funnel.platform.messaging.Outbox;
import io.funnel.platform.security.Roles;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/campaigns")
@RolesAllowed(Roles.MARKETING)
@Tag(name = "Campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    private final Outbox outbox;
    private final Clock clock;

    public CampaignResource(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @Operation(summary = "Plan a campaign (DRAFT)")
    public Uni<Response> create(@Valid @NotNull CampaignRequest request) {
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.status = Campaign.Status.DRAFT;
        apply(campaign, request);
        return campaign.persist().replaceWith(() -> Response.created(URI.create("/api/campaigns/" + campaign.id))
                .entity(campaign).build());
    }

    @GET
    @WithSession
    @Operation(summary = "The campaign calendar, by start date")
    public Uni<List<Campaign>> list() {
        return Campaign.list("order by startsOn, name");
    }

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<Campaign> get(@PathParam("id") UUID id) {
        return find(id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @Operation(summary = "Change a campaign")
    public Uni<Campaign> update(@PathParam("id") UUID id, @Valid @NotNull CampaignRequest request) {
        return find(id).invoke(campaign -> apply(campaign, request));
    }

    @POST
    @Path("/{id}/launch")
    @WithTransaction
    @Operation(summary = "Launch a campaign", description = "Publishes CampaignLaunched; 409 if already launched.")
    public Uni<Campaign> launch(@PathParam("id") UUID id) {
        return find(id).call(campaign -> {
            if (campaign.status == Campaign.Status.LAUNCHED) {
                throw ProblemException.conflict("Campaign already launched",
                        Map.of("campaignStatus", campaign.status, "launchedAt", campaign.launchedAt));
            }
            campaign.status = Campaign.Status.LAUNCHED;
            campaign.launchedAt = clock.instant();
            return outbox.publish(new CampaignLaunched(campaign.id, campaign.name, campaign.channel,
                    campaign.startsOn, campaign.endsOn, campaign.launchedAt));
        });
    }

    @DELETE
    @Path("/{id}")
    @WithTransaction
    @Operation(summary = "Delete a draft campaign", description = "409 once launched: its history belongs to the funnel.")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return find(id).chain(campaign -> {
            if (campaign.status != Campaign.Status.DRAFT) {
                throw ProblemException.conflict("Only draft campaigns can be deleted",
                        Map.of("campaignStatus", campaign.status));
            }
            return campaign.delete();
        }).replaceWith(Response.noContent().build());
    }

    static Uni<Campaign> find(UUID id) {
        return Campaign.<Campaign>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Campaign " + id));
    }

    private void apply(Campaign campaign, CampaignRequest request) {
        campaign.name = request.name();
        campaign.channel = request.channel();
        campaign.startsOn = request.startsOn();
        campaign.endsOn = request.endsOn();
        campaign.updatedAt = clock.instant();
    }
}

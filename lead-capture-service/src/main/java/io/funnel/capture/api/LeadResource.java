package io.funnel.capture.api;

import io.funnel.capture.domain.CaptureResult;
import io.funnel.capture.domain.EmailNormalizer;
import io.funnel.capture.domain.LeadErasure;
import io.funnel.capture.domain.LeadCaptureService;
import io.funnel.capture.persistence.Lead;
import io.funnel.capture.security.ApiKeyAuthentication;
import io.funnel.platform.api.Problem;
import io.funnel.platform.api.ProblemException;
import io.funnel.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Leads by integrations (capture role) and, holding personal data, readable only by those who work with them. */
@Path("/api/leads")
@RolesAllowed({Roles.MARKETING, Roles.SALES_MANAGER, Roles.ADMIN})
@Tag(name = "Leads")
@Produces(MediaType.APPLICATION_JSON)
public class LeadResource {

    private final LeadCaptureService capture;
    private final LeadErasure erasure;

    public LeadResource(LeadCaptureService capture, LeadErasure erasure) {
        this.capture = capture;
        this.erasure = erasure;
    }

    @POST
    @RolesAllowed(Roles.CAPTURE)
    @Parameter(name = ApiKeyAuthentication.HEADER, in = ParameterIn.HEADER, description = "An integration's key "
            + "(funnel.capture.api-keys), instead of a bearer token with the capture role or scope")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Capture a lead", description = "201 for a new lead, 200 when the normalised e-mail is known "
            + "and the lead was updated (MERGED).")
    public Uni<Response> capture(
            @Parameter(description = "Retries with the same key get the first answer and create nothing")
            @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200) String idempotencyKey,
            @Valid @NotNull LeadRequest request) {
        return capture.capture(request, idempotencyKey).map(LeadResource::toResponse);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Erase a lead (right to be forgotten)", description = "Removes its personal data here and "
            + "publishes LeadErased so every service erases it too.")
    public Uni<Response> erase(@PathParam("id") UUID id) {
        return erasure.erase(id).replaceWith(Response.noContent().build());
    }

    static Response toResponse(CaptureResult result) {
        LeadReceipt receipt = result.receipt();
        Response.ResponseBuilder response = receipt.status() == LeadReceipt.Status.CAPTURED
                ? Response.created(URI.create("/api/leads/" + receipt.leadId())).entity(receipt)
                : Response.ok(receipt);
        return (result.replayed() ? response.header("Idempotent-Replayed", "true") : response).build();
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(summary = "One lead")
    public Uni<LeadView> get(@PathParam("id") UUID id) {
        return Lead.<Lead>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Lead " + id))
                .invoke(lead -> {
                    if (lead.erasedAt != null) {
                        throw new ProblemException(Problem.of(Response.Status.GONE, "Lead " + id + " was erased"));
                    }
                })
                .map(LeadView::of);
    }

    @GET
    @WithSession
    @Operation(summary = "Find leads by e-mail", description = "Matches the normalised e-mail (case, spaces, plus-tags).")
    public Uni<List<LeadView>> find(@QueryParam("email") @NotNull String email) {
        return Lead.findByNormalizedEmail(EmailNormalizer.normalize(email))
                .map(lead -> lead == null ? List.of() : List.of(LeadView.of(lead)));
    }
}

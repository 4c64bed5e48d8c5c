package io.funnel.pipeline.api;

import io.funnel.events.PipelineEvent.RejectionReason;
import io.funnel.pipeline.domain.FollowUp;
import io.funnel.pipeline.domain.LeadAssignment;
import io.funnel.pipeline.domain.LeadStates;
import io.funnel.pipeline.domain.LostUpdate;
import io.funnel.pipeline.persistence.LeadContact;
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
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

@Path("/api/leads")
@Tag(name = "Follow-up")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SALES, Roles.SALES_MANAGER})
public class LeadResource {

    /** A logged contact. */
    public record ContactView(UUID id, UUID leadId, UUID repId, String channel, String outcome, String note,
            Instant occurredAt) {

        static ContactView of(LeadContact c) {
            return new ContactView(c.id, c.leadId, c.repId, c.channel.name(), c.outcome, c.note, c.occurredAt);
        }
    }

    private static final Logger LOG = Logger.getLogger(LeadResource.class);

    private final FollowUp followUp;
    private final LeadAssignment assignment;
    private final RepAccess access;

    public LeadResource(FollowUp followUp, LeadAssignment assignment, RepAccess access) {
        this.followUp = followUp;
        this.assignment = assignment;
        this.access = access;
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(summary = "A lead in the pipeline, with its SLA deadlines",
            description = "A rep sees only the leads assigned to them; any other lead is 404.")
    public Uni<LeadView> get(@PathParam("id") UUID id) {
        return find(id).map(LeadView::of);
    }

    @GET
    @Path("/{id}/contacts")
    @WithSession
    public Uni<List<ContactView>> contacts(@PathParam("id") UUID id) {
        return find(id).chain(lead -> LeadContact.<LeadContact>list("leadId = ?1 order by occurredAt", id))
                .map(contacts -> contacts.stream().map(ContactView::of).toList());
    }

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SALES_MANAGER)
    @Operation(summary = "Hand the lead to a rep by hand",
            description = "For leads waiting in a queue or moving between reps; publishes LeadAssigned with new SLA"
                    + " deadlines. 409 once the lead is decided.")
    public Uni<LeadView> assign(@PathParam("id") UUID id, @Valid @NotNull FollowUpRequests.Assignment request) {
        return transition(id, lead -> Rep.<Rep>findById(request.repId())
                .onItem().ifNull().failWith(() -> ProblemException.unprocessable("repId", "no such rep"))
                .chain(rep -> assignment.assignTo(lead, rep)).replaceWith(lead))
                .map(LeadView::of);
    }

    @POST
    @Path("/{id}/contacts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log a call, e-mail or meeting", description = "Publishes LeadContacted; 409 unless assigned.")
    public Uni<Response> contact(@PathParam("id") UUID id, @Valid @NotNull FollowUpRequests.Contact request) {
        return transition(id, lead -> followUp.contact(lead, request.channel(), request.outcome(), request.note()))
                .map(contact -> Response.created(URI.create("/api/leads/" + id + "/contacts"))
                        .entity(ContactView.of(contact)).build());
    }

    @POST
    @Path("/{id}/accept")
    @Operation(summary = "Accept the lead as an SQL",
            description = "Publishes LeadAccepted; 409 unless assigned. The rep's freed room takes queued leads.")
    public Uni<LeadView> accept(@PathParam("id") UUID id) {
        return transition(id, lead -> followUp.accept(lead).replaceWith(lead)).call(this::drainQueues)
                .map(LeadView::of);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject the lead with a reason",
            description = "Publishes LeadRejected (the lead is recycled); the reason is mandatory, from a fixed list.")
    public Uni<LeadView> reject(@PathParam("id") UUID id, @Valid @NotNull FollowUpRequests.Rejection request) {
        RejectionReason reason = reason(request.reason());
        return transition(id, lead -> followUp.reject(lead, reason, request.note()).replaceWith(lead))
                .call(this::drainQueues).map(LeadView::of);
    }

    /**
     * Runs one change of a lead in its own transaction. The row's version makes a concurrent change fail at commit;
     * the loser gets 409 with the state the winner left.
     */
    private <T> Uni<T> transition(UUID id, Function<PipelineLead, Uni<T>> change) {
        return Panache.withTransaction(() -> find(id).<T>chain(lead -> change.apply(lead)))
                .onFailure(LostUpdate::is).recoverWithUni(e -> Panache.withSession(() -> find(id))
                        .chain(current -> Uni.createFrom().<T>failure(LeadStates.changedConcurrently(current))));
    }

    /**
     * A decision frees room at the rep, so queued leads may go out now. Runs after the decision committed, in its own
     * transaction: a clash with another drain over a queued lead must not undo the rep's decision, and whatever is
     * left waiting goes out at the next drain.
     */
    private Uni<Void> drainQueues() {
        return Panache.withTransaction(assignment::routeWaitingLeads).replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    LOG.logf(LostUpdate.is(e) ? Logger.Level.DEBUG : Logger.Level.WARN,
                            "Queued leads not drained after a decision, left for the next drain: %s", e.getMessage());
                    return null;
                });
    }

    /** The lead as the caller may see it: another rep's lead is not found. */
    private Uni<PipelineLead> find(UUID id) {
        return access.lead(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Lead " + id + " in the pipeline"));
    }

    private static RejectionReason reason(String value) {
        String allowed = Arrays.toString(RejectionReason.values());
        if (value == null || value.isBlank()) {
            throw ProblemException.unprocessable("reason", "is mandatory, one of " + allowed);
        }
        try {
            return RejectionReason.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("reason", "unknown reason '" + value + "', use one of " + allowed);
        }
    }
}

package io.funnel.capture.api;

import io.funnel.capture.persistence.Campaign;
import io.funnel.capture.persistence.ContentItem;
import io.funnel.events.MarketingEvent.ContentPublished;
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

@Path("/api/content")
@RolesAllowed(Roles.MARKETING)
@Tag(name = "Content")
@Produces(MediaType.APPLICATION_JSON)
public class ContentResource {

    private final Outbox outbox;
    private final Clock clock;

    public ContentResource(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @Operation(summary = "Plan a piece of content (PLANNED)")
    public Uni<Response> create(@Valid @NotNull ContentRequest request) {
        ContentItem item = new ContentItem();
        item.id = UUID.randomUUID();
        item.status = ContentItem.Status.PLANNED;
        return apply(item, request).chain(() -> item.persist())
                .replaceWith(() -> Response.created(URI.create("/api/content/" + item.id)).entity(item).build());
    }

    @GET
    @WithSession
    @Operation(summary = "The content calendar, by planned date")
    public Uni<List<ContentItem>> list() {
        return ContentItem.list("order by plannedOn nulls last, title");
    }

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<ContentItem> get(@PathParam("id") UUID id) {
        return find(id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    public Uni<ContentItem> update(@PathParam("id") UUID id, @Valid @NotNull ContentRequest request) {
        return find(id).call(item -> apply(item, request));
    }

    @POST
    @Path("/{id}/publish")
    @WithTransaction
    @Operation(summary = "Publish content", description = "Publishes ContentPublished; 409 if already published.")
    public Uni<ContentItem> publish(@PathParam("id") UUID id) {
        return find(id).call(item -> {
            if (item.status == ContentItem.Status.PUBLISHED) {
                throw ProblemException.conflict("Content already published",
                        Map.of("contentStatus", item.status, "publishedAt", item.publishedAt));
            }
            item.status = ContentItem.Status.PUBLISHED;
            item.publishedAt = clock.instant();
            return outbox.publish(new ContentPublished(item.id, item.title, item.format, item.campaignId,
                    item.author, item.publishedAt));
        });
    }

    @DELETE
    @Path("/{id}")
    @WithTransaction
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return find(id).chain(item -> {
            if (item.status == ContentItem.Status.PUBLISHED) {
                throw ProblemException.conflict("Published content cannot be deleted", Map.of("contentStatus", item.status));
            }
            return item.delete();
        }).replaceWith(Response.noContent().build());
    }

    private static Uni<ContentItem> find(UUID id) {
        return ContentItem.<ContentItem>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Content " + id));
    }

    /** Checks the campaign exists before linking to it. */
    private Uni<Void> apply(ContentItem item, ContentRequest request) {
        Uni<Void> campaignKnown = request.campaignId() == null ? Uni.createFrom().voidItem()
                : Campaign.findById(request.campaignId()).invoke(c -> {
                    if (c == null) {
                        throw ProblemException.unprocessable("campaignId", "no such campaign");
                    }
                }).replaceWithVoid();
        return campaignKnown.invoke(() -> {
            item.title = request.title();
            item.format = request.format();
            item.campaignId = request.campaignId();
            item.author = request.author();
            item.url = request.url();
            item.plannedOn = request.plannedOn();
            item.updatedAt = clock.instant();
        });
    }
}
